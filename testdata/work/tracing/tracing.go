// Package tracing is a constants package of one module of a go.work
// workspace; module b uses it through the workspace, with no require.
package tracing

const UserID = "user.id_x"
