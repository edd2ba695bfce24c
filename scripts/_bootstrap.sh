# shellcheck shell=bash
# Sourced by scripts/run and scripts/test (not run on its own). It makes a machine that has
# only python3 (>= 3.11) able to run and test Samoe, and does nothing costly a second time:
#
#   1. Qt's system libraries: checked by soname with ldconfig; when some are missing and we
#      are root on Debian/Ubuntu, `apt-get update` once and install just those packages.
#      Not root: print the apt command and carry on.
#   2. .venv in the repo root (or $SAMOE_VENV): created when missing or broken; the project
#      is installed with `pip install -e '.[dev]'` only when pyproject.toml has changed since
#      the last install (a sha256 stamp inside the venv).
#   3. Generated files: ui/*.ui -> desktop/gui/forms/*_ui.py and resources/translations/*.ts
#      -> *.qm, only when an output is missing or older than its source.
#
# The caller has already done `set -euo pipefail` and cd'd to the repo root; it then calls
#   samoe_bootstrap [--display]
# after which $SAMOE_VENV_PYTHON and $SAMOE_VENV_BIN point into the venv.
# Environment knobs: SAMOE_PYTHON (interpreter for a new venv, default python3),
# SAMOE_VENV (venv folder, default .venv), SAMOE_SKIP_SYSTEM_LIBS=1 (skip step 1).

SAMOE_ROOT="$(pwd)"

_samoe_say() { printf '[samoe] %s\n' "$*" >&2; }

# --- 1. system libraries ---------------------------------------------------------------
# soname:package pairs. Offscreen Qt (tests, --self-test) needs the first group; a window on
# X11 needs the second too. libthai0 is what lets Qt break Thai lines.
_SAMOE_LIBS_BASE="libglib-2.0.so.0:libglib2.0-0 libGL.so.1:libgl1 libEGL.so.1:libegl1
libxkbcommon.so.0:libxkbcommon0 libfreetype.so.6:libfreetype6 libfontconfig.so.1:libfontconfig1
libdbus-1.so.3:libdbus-1-3 libthai.so.0:libthai0"
_SAMOE_LIBS_DISPLAY="libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0
libxcb-icccm.so.4:libxcb-icccm4 libxcb-util.so.1:libxcb-util1 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-render-util.so.0:libxcb-render-util0
libxcb-render.so.0:libxcb-render0 libxcb-shape.so.0:libxcb-shape0 libxcb-xkb.so.1:libxcb-xkb1"

_SAMOE_APT_UPDATED=0

_samoe_is_root() { [ "$(id -u 2>/dev/null || echo 1)" = "0" ]; }

_samoe_apt_install() {
    # _samoe_apt_install PKG... (root + apt-get only; caller checks)
    export DEBIAN_FRONTEND=noninteractive
    if [ "$_SAMOE_APT_UPDATED" = 0 ]; then
        _samoe_say "apt-get update"
        apt-get update -qq >/dev/null
        _SAMOE_APT_UPDATED=1
    fi
    _samoe_say "apt-get install $*"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

_samoe_ldconfig() {
    local exe
    for exe in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$exe" >/dev/null 2>&1; then
            "$exe" -p 2>/dev/null && return 0
        fi
    done
    return 1
}

samoe_system_libs() {
    # samoe_system_libs [--display]
    [ "${SAMOE_SKIP_SYSTEM_LIBS:-0}" = 1 ] && return 0
    [ "$(uname -s)" = Linux ] || return 0
    local cache pairs pair so pkg missing=()
    cache="$(_samoe_ldconfig)" || return 0   # no ldconfig: cannot tell, do not guess
    pairs="$_SAMOE_LIBS_BASE"
    [ "${1:-}" = --display ] && pairs="$pairs $_SAMOE_LIBS_DISPLAY"
    for pair in $pairs; do
        so="${pair%%:*}"
        pkg="${pair#*:}"
        case "$cache" in
            *"	$so "*|*" $so "*) ;;
            *) missing+=("$pkg") ;;
        esac
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if _samoe_is_root && command -v apt-get >/dev/null 2>&1; then
        _samoe_say "Qt needs system libraries that are missing: ${missing[*]}"
        if ! _samoe_apt_install "${missing[@]}"; then
            _samoe_say "WARNING: apt-get install failed; Qt may not start."
        fi
    else
        _samoe_say "WARNING: Qt needs system libraries that are missing on this machine."
        _samoe_say "  ขาดไลบรารีของระบบที่ Qt ต้องใช้ ให้ผู้ดูแลเครื่องติดตั้งด้วยคำสั่ง:"
        _samoe_say "  sudo apt-get install --no-install-recommends ${missing[*]}"
        _samoe_say "  (continuing anyway / ทำงานต่อ)"
    fi
}

# --- 2. virtual environment -------------------------------------------------------------
_samoe_sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

_samoe_base_python() {
    local py="${SAMOE_PYTHON:-}"
    if [ -z "$py" ]; then
        for py in python3 python; do
            command -v "$py" >/dev/null 2>&1 && break
        done
    fi
    if ! command -v "$py" >/dev/null 2>&1; then
        _samoe_say "ERROR: python3 (>= 3.11) not found; install it (Debian: apt-get install python3)."
        return 1
    fi
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        _samoe_say "ERROR: $("$py" -V 2>&1) is too old; Samoe needs Python >= 3.11 (set SAMOE_PYTHON)."
        return 1
    fi
    printf '%s\n' "$py"
}

_samoe_make_venv() {
    local venv="$1" py
    py="$(_samoe_base_python)" || return 1
    _samoe_say "creating $venv with $("$py" -V 2>&1)"
    rm -rf "$venv"
    if "$py" -m venv "$venv" >/dev/null 2>&1; then
        return 0
    fi
    rm -rf "$venv"   # a failed venv (no ensurepip) leaves a folder without pip
    if _samoe_is_root && command -v apt-get >/dev/null 2>&1; then
        _samoe_say "python3 -m venv failed (Debian splits it out): installing python3-venv"
        _samoe_apt_install python3-venv
        "$py" -m venv "$venv" && return 0
    fi
    _samoe_say "ERROR: '$py -m venv' failed. On Debian/Ubuntu: sudo apt-get install python3-venv"
    return 1
}

samoe_venv() {
    local venv="${SAMOE_VENV:-$SAMOE_ROOT/.venv}" bindir stamp want have
    case "$venv" in /*) ;; *) venv="$SAMOE_ROOT/$venv" ;; esac
    bindir="$venv/bin"
    [ -d "$venv/Scripts" ] && bindir="$venv/Scripts"   # Git Bash on Windows
    if ! "$bindir/python" -c '' >/dev/null 2>&1; then
        _samoe_make_venv "$venv"
        bindir="$venv/bin"
        [ -d "$venv/Scripts" ] && bindir="$venv/Scripts"
    fi
    SAMOE_VENV_BIN="$bindir"
    SAMOE_VENV_PYTHON="$bindir/python"
    export SAMOE_VENV_BIN SAMOE_VENV_PYTHON

    stamp="$venv/.samoe-installed"
    want="$(_samoe_sha256 "$SAMOE_ROOT/pyproject.toml")"
    have="$(cat "$stamp" 2>/dev/null || true)"
    if [ "$want" != "$have" ] || { [ ! -x "$bindir/samoe" ] && [ ! -x "$bindir/samoe.exe" ]; }; then
        if ! "$SAMOE_VENV_PYTHON" -m pip --version >/dev/null 2>&1; then
            _samoe_make_venv "$venv"   # a venv made without ensurepip has no pip
        fi
        if [ -z "$have" ]; then
            _samoe_say "installing Samoe and its dependencies into $venv (first time: a few minutes) ..."
        else
            _samoe_say "pyproject.toml changed: updating $venv (pip install -e '.[dev]') ..."
        fi
        # the build backend's warnings would drown the output: keep them in a log, show on failure
        if ! "$SAMOE_VENV_PYTHON" -m pip install --quiet --disable-pip-version-check \
            --editable "${SAMOE_ROOT}[dev]" >"$venv/.samoe-pip.log" 2>&1; then
            tail -n 40 "$venv/.samoe-pip.log" >&2
            _samoe_say "ERROR: pip install failed (full log: $venv/.samoe-pip.log)"
            return 1
        fi
        printf '%s\n' "$want" >"$stamp"
    fi
}

# --- 3. generated files -----------------------------------------------------------------
_samoe_stale() {
    # _samoe_stale OUTPUT SOURCE: true when OUTPUT is missing or older than SOURCE
    [ ! -e "$1" ] || [ "$1" -ot "$2" ]
}

samoe_generated() {
    local src out need=0
    for src in "$SAMOE_ROOT"/ui/*.ui; do
        [ -e "$src" ] || continue
        out="$SAMOE_ROOT/desktop/gui/forms/$(basename "${src%.ui}")_ui.py"
        if _samoe_stale "$out" "$src"; then need=1; break; fi
    done
    if [ "$need" = 1 ]; then
        "$SAMOE_VENV_PYTHON" "$SAMOE_ROOT/packaging/build_ui.py" --quiet
    fi
    need=0
    for src in "$SAMOE_ROOT"/resources/translations/*.ts; do
        [ -e "$src" ] || continue
        if _samoe_stale "${src%.ts}.qm" "$src"; then need=1; break; fi
    done
    if [ "$need" = 1 ]; then
        "$SAMOE_VENV_PYTHON" "$SAMOE_ROOT/packaging/build_translations.py" --quiet
    fi
}

samoe_bootstrap() {
    # samoe_bootstrap [--display]
    samoe_system_libs "${1:-}"
    samoe_venv
    samoe_generated
}

# --- 4. tools the tests use (scripts/test only) -------------------------------------------
# command:package pairs. Under CI=true a test whose tool is missing fails (tests/needs.py),
# so when root we install them here; otherwise we say what is missing and carry on.
_SAMOE_TEST_TOOLS="pdftotext:poppler-utils pdfinfo:poppler-utils pdffonts:poppler-utils
pdftoppm:poppler-utils runuser:util-linux soffice:libreoffice-calc-nogui"

_samoe_pg_bin() {
    # the newest installed PostgreSQL server's bin folder, or nothing
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { printf '%s\n' "$d"; return 0; }
    done
    return 1
}

samoe_test_tools() {
    [ "${SAMOE_SKIP_SYSTEM_LIBS:-0}" = 1 ] && return 0
    [ "$(uname -s)" = Linux ] || return 0
    local pair cmd pkg missing=()
    for pair in $_SAMOE_TEST_TOOLS; do
        cmd="${pair%%:*}"
        pkg="${pair#*:}"
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    done
    # a throwaway PostgreSQL cluster for tests/unit/test_postgres.py (initdb + pg_ctl)
    _samoe_pg_bin >/dev/null || missing+=(postgresql)
    [ "${#missing[@]}" -eq 0 ] && return 0
    # one package may stand for several commands
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    if _samoe_is_root && command -v apt-get >/dev/null 2>&1; then
        _samoe_say "the tests need: ${missing[*]}"
        _samoe_apt_install "${missing[@]}" || _samoe_say "WARNING: apt-get install failed: ${missing[*]}"
    else
        _samoe_say "WARNING: tests that need these will skip (and fail under CI=true): ${missing[*]}"
        _samoe_say "  sudo apt-get install --no-install-recommends ${missing[*]}"
    fi
}

# --- 5. the PDF readers of tests/unit/test_pdf_readers.py (scripts/test only) -------------
# pdf.js (Firefox's reader) runs under node from $SAMOE_PDFJS (.venv/node). pdfjs-dist
# 4.8.69 is the newest release that still runs on node 18 (Debian 12's nodejs); its legacy
# build needs no browser. The Python readers come with the dev extra (pyproject.toml).
SAMOE_PDFJS_VERSION=4.8.69

samoe_pdf_readers() {
    local venv="${SAMOE_VENV:-$SAMOE_ROOT/.venv}"
    case "$venv" in /*) ;; *) venv="$SAMOE_ROOT/$venv" ;; esac
    SAMOE_PDFJS="$venv/node"
    export SAMOE_PDFJS
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        if _samoe_is_root && command -v apt-get >/dev/null 2>&1; then
            _samoe_apt_install nodejs npm || _samoe_say "WARNING: apt-get install nodejs npm failed"
        else
            _samoe_say "WARNING: no node/npm: the pdf.js test will skip (and fail under CI=true)"
            _samoe_say "  sudo apt-get install --no-install-recommends nodejs npm"
        fi
        command -v npm >/dev/null 2>&1 || return 0
    fi
    if grep -qs "\"version\": \"$SAMOE_PDFJS_VERSION\"" \
        "$SAMOE_PDFJS/node_modules/pdfjs-dist/package.json"; then
        return 0
    fi
    _samoe_say "npm install pdfjs-dist@$SAMOE_PDFJS_VERSION into $SAMOE_PDFJS"
    mkdir -p "$SAMOE_PDFJS"
    npm install --prefix "$SAMOE_PDFJS" --save-exact --no-audit --no-fund --loglevel=error \
        "pdfjs-dist@$SAMOE_PDFJS_VERSION" >/dev/null \
        || _samoe_say "WARNING: npm install pdfjs-dist failed; the pdf.js test will skip"
}
