// Code generated from semantic convention specification. DO NOT EDIT.

package shopconv

const (
	// ShopOrderPlacedEventName is the name of the event "shop.order.placed":
	// an order was placed.
	//
	// Stability: stable
	ShopOrderPlacedEventName = "shop.order.placed"
)
