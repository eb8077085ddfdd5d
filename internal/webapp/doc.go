// Package webapp is staffsim serve's web application: the plan in a
// browser, for people who do not use a terminal. It holds no domain logic:
// every number comes from the libraries (scenarios/plan, scenarios) through
// an Engine the command supplies, which reads flags and writes files exactly
// as staffsim plan and staffsim compare do, so a page and its equivalent
// command give the same files.
//
// Security model (a local tool that may be exposed by mistake):
//
//   - sessions: a random 256-bit id in an HttpOnly, SameSite=Strict cookie;
//     each session has its own temporary directory and its own state, and
//     at most Config.MaxSessions live at once (the least recently used idle
//     one is dropped first; idle ones expire after Config.IdleTimeout);
//   - CSRF: every state-changing request (POST) carries the session's token
//     (a form field or the X-CSRF-Token header) and, when the browser sends
//     one, an Origin equal to the page's;
//   - DNS rebinding: on a loopback address only loopback Host headers are
//     served;
//   - files: uploads stream into the session directory under a fixed name,
//     at most Config.MaxUpload bytes; a download is served only when its
//     name is one the plan wrote (no request path is ever joined to a
//     directory);
//   - runs: at most Config.MaxRuns simulations at once (others queue), each
//     cancellable from the page, and cancelled when its session ends.
package webapp
