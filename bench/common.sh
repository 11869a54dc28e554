# Shared by the compare scripts (sourced): the default text and the release build of finch-bench.

# Writes the default 1.1 MB corpus (Vim's release notes, as long as nanoGPT's Shakespeare) to $1.
default_text() {
    # Not `cat | head -c`: under pipefail, cat's SIGPIPE would end the script.
    cat /usr/share/vim/vim9*/doc/version7.txt /usr/share/vim/vim9*/doc/version8.txt > "$1"
    truncate -s 1115394 "$1"
}

# Builds finch-bench in release mode; the machine's builders share one lock.
build_bench() {
    flock /tmp/finch-build.lock swift build -c release --product finch-bench >/dev/null
}
