package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
)

// CMS is sites.yaml's cms: block: how the web editor (Decap CMS, package
// cms) logs volunteers in to GitHub. Without auth_url Decap would send
// them to Netlify's login service, which only works for sites on Netlify.
type CMS struct {
	// AuthURL is the OAuth proxy's base URL (Decap's backend.base_url).
	AuthURL string `yaml:"auth_url" kind:"url" hint:"Alamat proxy OAuth untuk editor, mis. https://kim-auth.akun.workers.dev (lihat .github/DEPLOY.md)."`
	// AuthEndpoint is the proxy's login path, when it is not "auth".
	// kind "pattern": checked against a pattern here, so it holds no markup.
	AuthEndpoint string `yaml:"auth_endpoint" kind:"pattern" hint:"Jalur login di proxy bila bukan \"auth\", mis. api/auth."`
	// AuthScope is the GitHub permission the login asks for. public_repo
	// reaches public repositories only; the full "repo" scope reaches every
	// private repository of the volunteer too, so it is never the default.
	AuthScope string `yaml:"auth_scope" enum:"public_repo,repo" hint:"public_repo untuk repositori publik; repo hanya bila repositorinya privat."`
	// OpenAuthoring lets people without write access propose changes from
	// their own fork.
	OpenAuthoring bool `yaml:"open_authoring"`
	// Branch is where the editor's pull requests go.
	Branch string `yaml:"branch" kind:"pattern" hint:"Cabang tujuan editor, mis. main."`
}

// DefaultAuthScope is the scope asked for when sites.yaml names none.
const DefaultAuthScope = "public_repo"

// branchName is what this repository accepts as a branch: git's own rules
// are wider, but a branch with spaces or shell characters is a mistake.
var branchName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// authPath is a path on the proxy: letters, digits and / - _ . only.
var authPath = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// checkCMS checks the cms: block and fills in its defaults.
func checkCMS(city *City, pos frontmatter.Positions, problems *diag.List) {
	c := &city.CMS
	if c.AuthURL != "" {
		u, err := url.Parse(c.AuthURL)
		switch {
		case err != nil:
		case u.Scheme != "https" && !(u.Scheme == "http" && isLocalhost(u.Hostname())):
			problems.Add(File, pos.Line("cms.auth_url"), fmt.Sprintf("auth_url %q harus memakai https://", c.AuthURL), "Token login GitHub lewat alamat ini; pakai alamat https:// dari proxy OAuth Anda.")
			c.AuthURL = ""
		case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(c.AuthURL, "?#"):
			problems.Add(File, pos.Line("cms.auth_url"), fmt.Sprintf("auth_url %q tidak boleh berisi ? atau #", c.AuthURL), "Tulis alamat dasar proxy saja, mis. https://kim-auth.akun.workers.dev.")
			c.AuthURL = ""
		default:
			c.AuthURL = strings.TrimSuffix(c.AuthURL, "/")
		}
	}
	if c.AuthEndpoint != "" {
		ep := strings.Trim(c.AuthEndpoint, "/")
		if !authPath.MatchString(ep) || strings.Contains(ep, "..") || strings.Contains(ep, "//") {
			problems.Add(File, pos.Line("cms.auth_endpoint"), fmt.Sprintf("auth_endpoint %q bukan jalur yang sah", c.AuthEndpoint), "Tulis jalurnya saja, mis. auth atau api/auth.")
			ep = ""
		}
		c.AuthEndpoint = ep
		if c.AuthURL == "" && ep != "" {
			problems.Add(File, pos.Line("cms.auth_endpoint"), "auth_endpoint tanpa auth_url tidak berarti apa-apa", "Isi juga cms.auth_url dengan alamat proxy OAuth.")
		}
	}
	if c.AuthScope == "" {
		c.AuthScope = DefaultAuthScope
	}
	if c.Branch != "" && (!branchName.MatchString(c.Branch) || strings.Contains(c.Branch, "..") || strings.HasSuffix(c.Branch, "/") || strings.HasSuffix(c.Branch, ".lock")) {
		problems.Add(File, pos.Line("cms.branch"), fmt.Sprintf("nama cabang %q tidak sah", c.Branch), "Tulis nama cabangnya saja, mis. main.")
		c.Branch = ""
	}
	if c.Branch == "" {
		c.Branch = city.Branch
	}
	if c.Branch == "" {
		c.Branch = "main"
	}
}

func isLocalhost(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}
