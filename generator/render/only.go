package render

import "io"

// only wraps out so that it keeps only the files Options.Only accepts.
func (r *Renderer) only(out Output) Output {
	if r.Only == nil {
		return out
	}
	return onlyOutput{out: out, accept: r.Only}
}

type onlyOutput struct {
	out    Output
	accept func(name string) bool
}

func (o onlyOutput) WriteFile(name string, data []byte) error {
	if !o.accept(name) {
		return nil
	}
	return o.out.WriteFile(name, data)
}

func (o onlyOutput) WriteFrom(name string, r io.Reader) error {
	if !o.accept(name) {
		return nil
	}
	return writeFrom(o.out, name, r)
}
