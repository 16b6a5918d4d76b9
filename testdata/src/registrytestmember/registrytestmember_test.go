package registrytestmember

import "go.opentelemetry.io/otel/attribute"

const ShopOrderStatusKey = attribute.Key("shop.order.status")

var ShopOrderStatusPaid = ShopOrderStatusKey.String("paid")

func inTest() attribute.KeyValue {
	return attribute.String("shop.order.status", "paid") // want `^attribute key "shop.order.status" set to its enum member "paid": use ShopOrderStatusPaid$`
}
