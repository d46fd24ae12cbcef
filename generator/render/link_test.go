package render_test

import (
	"fmt"
	"io/fs"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/render"
)

// init gives render's tests the pipeline's stages (see render.Build).
func init() {
	render.Build = func(fsys fs.FS, today time.Time, out render.Output) error {
		_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Sink: out, Now: today, ImageCache: "-"})
		if err == nil && problems.Errors() > 0 {
			err = fmt.Errorf("%v", problems)
		}
		return err
	}
	render.NewStages = func(fsys fs.FS) (*render.Renderer, func(*config.Site) (*content.Site, diag.List), error) {
		city, problems := config.Load(fsys)
		if problems.Errors() > 0 {
			return nil, nil, fmt.Errorf("%v", problems)
		}
		st, err := pipeline.NewStages(city, pipeline.Options{FS: fsys, ImageCache: "-"})
		if err != nil {
			return nil, nil, err
		}
		return st.Render, st.Load, nil
	}
}
