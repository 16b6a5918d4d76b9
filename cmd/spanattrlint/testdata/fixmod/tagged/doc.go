// Package tagged has a finding only in a file built with -tags=integration.
package tagged
