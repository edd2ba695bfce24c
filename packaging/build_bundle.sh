#!/usr/bin/env bash
# Build the one-folder program dist/samoe/ with PyInstaller and check it starts.
#   packaging/build_bundle.sh [extra pyinstaller args]
# Uses the project venv (made by scripts/_bootstrap.sh, the same as scripts/run), adds
# PyInstaller to it (the "package" extra) when missing, regenerates forms and .qm files,
# builds, then runs `dist/samoe/samoe --self-test` offscreen and prints the bundle's size.
# On Windows (Git Bash) the same steps work; the installer is packaging/windows/samoe.iss.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/_bootstrap.sh
. scripts/_bootstrap.sh
samoe_bootstrap

py="$SAMOE_VENV_PYTHON"
if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null 2>&1; then
    # PyInstaller reads shared libraries with objdump (Debian: binutils)
    if _samoe_is_root && command -v apt-get >/dev/null 2>&1; then
        _samoe_apt_install binutils
    else
        _samoe_say "ERROR: PyInstaller needs objdump: sudo apt-get install binutils"
        exit 1
    fi
fi
# PyInstaller bundles Python's shared library; Debian's python3 ships it separately
read -r pylib pyver pylibdir < <("$py" -c 'import sys, sysconfig as s
print(s.get_config_var("INSTSONAME") or "-", "%d.%d" % sys.version_info[:2], s.get_config_var("LIBDIR") or "-")')
if [ "$(uname -s)" = Linux ] && [ "$pylib" != - ] && [ ! -e "$pylibdir/$pylib" ] \
    && ! { _samoe_ldconfig | grep -qF "$pylib"; }; then
    if _samoe_is_root && command -v apt-get >/dev/null 2>&1 && [ "${pylibdir#/usr/lib}" != "$pylibdir" ]; then
        _samoe_apt_install "libpython$pyver"
    else
        _samoe_say "WARNING: $pylib not found; PyInstaller will fail (Debian: apt-get install libpython$pyver;"
        _samoe_say "  pyenv: rebuild Python with PYTHON_CONFIGURE_OPTS=--enable-shared)"
    fi
fi
if ! "$py" -c 'import PyInstaller' >/dev/null 2>&1; then
    printf '[samoe] installing PyInstaller (pip install -e ".[package]")\n' >&2
    "$py" -m pip install --quiet --disable-pip-version-check --editable ".[package]"
fi
"$py" packaging/build_ui.py --quiet
"$py" packaging/build_translations.py --quiet

start=$SECONDS
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller "$@" packaging/samoe.spec
build_s=$((SECONDS - start))

exe=dist/samoe/samoe
[ -x "$exe" ] || exe=dist/samoe/samoe-cli.exe
printf '\n== self-test of the bundle (%s --self-test, offscreen)\n' "$exe"
rc=0
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
SAMOE_HOME="$home" QT_QPA_PLATFORM=offscreen "$exe" --self-test || rc=$?
size="$(du -sh dist/samoe | cut -f1)"
files="$(find dist/samoe -type f | wc -l | tr -d ' ')"
printf '\nbundle: dist/samoe  %s in %s files, built in %ss; self-test exit %s\n' \
    "$size" "$files" "$build_s" "$rc"
exit "$rc"
