// Command keys prints every attribute that the module's packages build,
// one "function: key=value" line each, sorted.
package main

import (
	"fmt"
	"sort"

	"go.opentelemetry.io/otel/attribute"

	"example.com/upgrade/db"
	"example.com/upgrade/httpapi"
	"example.com/upgrade/rpc"
)

func main() {
	var lines []string
	add := func(fn string, kvs []attribute.KeyValue) {
		for _, kv := range kvs {
			lines = append(lines, fmt.Sprintf("%s: %s=%s", fn, kv.Key, kv.Value.Emit()))
		}
	}
	add("httpapi.Attrs", httpapi.Attrs("/users"))
	add("httpapi.Legacy", httpapi.Legacy("GET", 200))
	add("db.Conn", db.Conn("h", 5432))
	add("db.Query", db.Query("users", "SELECT 1"))
	add("rpc.Call", rpc.Call("svc", "10.0.0.1"))
	add("rpc.Both", rpc.Both("1.0"))
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
