// The commented config `chokepoint init` writes when there is nothing to import.

export const STARTER_CONFIG = `# chokepoint.toml — which host APIs are banned in this Rust project, and the
# reviewed files (chokepoints) where each is allowed. Docs: README of chokepoint.
#
# Globs: *  any characters but /    **  any characters, / included
#        **/  zero or more directories    ?  one character    {a,b}  either

# matcher = "precise"   # default; "line" reproduces an architecture_guards.rs test exactly

[scope]
# Production sources. A leading ! removes files from the scope entirely.
include = ["crates/*/src/**/*.rs", "!crates/*/src/**/bin/**"]
# In scope but deliberately not scanned (build scripts, benchmarks, ...).
# A crate's build script sits beside its Cargo.toml; a src/build.rs is an
# ordinary module (\`pub mod build;\`) and stays scanned.
exclude = ["build.rs", "crates/*/build.rs"]
# A full audit fails when it scans fewer files than this: a lint that
# scans nothing passes vacuously.
min_files = 1

[[class]]
name = "fs"
reason = "Host filesystem access must go through the reviewed filesystem chokepoint."
# use_instead = "crates/host/src/fs.rs"
needles = ["std::fs", "tokio::fs", "File::open", "File::create", "OpenOptions"]

# Each allowlist entry needs a reason: reviewers read it, reports show it.
# [[class.allow]]
# path = "crates/host/src/fs.rs"
# reason = "the filesystem chokepoint: every path is checked against the sandbox root"
# needles = ["std::fs"]   # optional: sanction only some of the class's needles

[[class]]
name = "net"
reason = "Sockets and HTTP clients open egress; only the network chokepoint may."
needles = ["std::net::", "tokio::net::", "reqwest::", "hyper::", "TcpStream::", "UdpSocket::bind", "std::os::unix::net"]

[[class]]
name = "process"
reason = "Spawning host processes escapes the sandbox."
needles = ["std::process::Command", "tokio::process", "Command::new"]

[[class]]
name = "env"
reason = "Environment reads leak host configuration into the guest."
needles = ["env::var(", "env::var_os(", "env::vars("]

[dependency_rule]
manifests = ["crates/*/Cargo.toml"]
# Case-insensitive substrings of crate names (globs when they contain * or ?).
banned = []
forbid_escaping_paths = false
# Also follow Cargo.lock: a banned crate reached through other crates
# (app -> some-sdk -> reqwest) is reported with the whole chain.
graph = true
# A banned crate may be a direct dependency of its wrappers only:
# [[dependency_rule.wrapper]]
# banned = "reqwest"            # one of the markers above
# crates = ["net-gateway"]      # the crates allowed to depend on it directly
# reason = "the network chokepoint: every request is checked against the egress policy"
# [[dependency_rule.allow]]
# crate = "agent-protocol-types"
# reason = "plain data types, no agent runtime"
`;
