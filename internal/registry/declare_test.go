package registry

import (
	"strings"
	"testing"
)

// AppendDeclarations adds to a file as a person would, keeping its text:
// at the end of the list it extends (before the next section and the
// comment above it), a new section where there is none, in the file's own
// syntax; what it writes reads back with the declarations; a list in flow
// style is refused in one line.
func TestAppendDeclarations(t *testing.T) {
	decls := []Declaration{
		{Name: "shop.cart.size", Type: "int", Brief: "Seen at a.go:3."},
		{Name: "shop.tags", Type: "string[]", Brief: "Seen at a.go:4.", Note: "a note: quoted"},
		{Event: true, Name: "cart.abandoned", ID: "event.cart.abandoned", Brief: "Seen at a.go:5."},
	}
	for _, c := range []struct {
		name, syntax, src, want string
	}{
		{"v1 new file", "v1", "", `# Declared by spanattrlint gen -declare, from the Go code: review each type and brief.
groups:
  - id: registry.x
    type: attribute_group
    brief: "Declared by spanattrlint gen -declare, from the Go code."
    attributes:
      - id: shop.cart.size
        type: int
        stability: development
        brief: "Seen at a.go:3."
      - id: shop.tags
        type: string[]
        stability: development
        brief: "Seen at a.go:4."
        note: "a note: quoted"
  - id: event.cart.abandoned
    type: event
    name: cart.abandoned
    stability: development
    brief: "Seen at a.go:5."
`},
		{"v1 groups before imports, indented by 4", "v2", `groups:
    - id: g
      type: attribute_group
      attributes:
        - id: a.b
          type: string

# imported from upstream
imports:
  metrics:
    - db.*
`, `groups:
    - id: g
      type: attribute_group
      attributes:
        - id: a.b
          type: string
    - id: registry.x
      type: attribute_group
      brief: "Declared by spanattrlint gen -declare, from the Go code."
      attributes:
        - id: shop.cart.size
          type: int
          stability: development
          brief: "Seen at a.go:3."
        - id: shop.tags
          type: string[]
          stability: development
          brief: "Seen at a.go:4."
          note: "a note: quoted"
    - id: event.cart.abandoned
      type: event
      name: cart.abandoned
      stability: development
      brief: "Seen at a.go:5."

# imported from upstream
imports:
  metrics:
    - db.*
`},
		{"v2 events first, attributes empty", "v1", `file_format: definition/2
events:
- name: e
attributes:
`, `file_format: definition/2
events:
- name: e
- name: cart.abandoned
  stability: development
  brief: "Seen at a.go:5."
attributes:
  - key: shop.cart.size
    type: int
    stability: development
    brief: "Seen at a.go:3."
  - key: shop.tags
    type: string[]
    stability: development
    brief: "Seen at a.go:4."
    note: "a note: quoted"
`},
	} {
		got, err := AppendDeclarations("x.yaml", []byte(c.src), c.syntax, "registry.x", decls)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
		d, err := parseFile("x.yaml", got)
		if err != nil {
			t.Errorf("%s: the result does not read: %v", c.name, err)
			continue
		}
		var keys []string
		for _, a := range d.attrs {
			keys = append(keys, a.Key+" "+a.Type+" "+a.Stability)
		}
		for _, e := range d.events {
			keys = append(keys, e.Name+" "+e.Stability)
		}
		if s := strings.Join(keys, ", "); !strings.Contains(s, "shop.cart.size int development, shop.tags string[] development") || !strings.Contains(s, "cart.abandoned development") {
			t.Errorf("%s: reads back as %s", c.name, s)
		}
	}
	_, err := AppendDeclarations("x.yaml", []byte("file_format: definition/2\nattributes: []\n"), "v2", "registry.x", decls)
	if want := "x.yaml:2:13: cannot add to attributes: written in flow style or not a list; write it as a block list (- ...) and run again"; err == nil || err.Error() != want {
		t.Errorf("flow style: %v, want %s", err, want)
	}
}
