package frontmatter

import (
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Scalar is a key or value of a YAML document as YAML decodes it: quotes
// removed and escapes such as "\x33" or "\u0033" resolved.
type Scalar struct {
	Value string
	Line  int // the file line
}

// Scalars returns every key and value of a YAML document, in document
// order; firstLine is the file line of data's first line. It returns nil
// when data is not YAML (Decode reports that). Aliases are not followed:
// what they point at is returned once, where it stands.
func Scalars(data []byte, firstLine int) []Scalar {
	if !utf8.Valid(data) {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []Scalar
	stack := []*yaml.Node{&doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.ScalarNode {
			out = append(out, Scalar{Value: n.Value, Line: firstLine - 1 + n.Line})
		}
		if n.Kind == yaml.AliasNode {
			continue
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return out
}
