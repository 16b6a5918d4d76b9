package fieldmessages

import "go.opentelemetry.io/otel/attribute"

func Attrs(v string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("OAuth2ClientID", v), // want `e.g. "oauth2_client_id"$` `no constant defines it$`
		attribute.String("HTTPStatus", v),     // want `e.g. "http_status"$` `no constant defines it$`
		attribute.String("userID", v),         // want `e.g. "user_id"$` `no constant defines it$`
		attribute.String("IPv4Addr", v),       // want `e.g. "ipv4_addr"$` `no constant defines it$`
	}
}
