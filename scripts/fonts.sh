#!/bin/sh
# Installs free FangSong and Kai faces (FandolFang, FandolKai: GPL with font exception)
# for the current user, taken from Debian's texlive-lang-chinese package without
# installing TeX Live. Song and Hei come from fonts-noto-cjk (scripts/system-deps.sh).
set -eu
DEST="${LZZR_FONT_DIR:-$HOME/.local/share/fonts/lzzr}"
FACES="FandolFang-Regular.otf FandolKai-Regular.otf"
have=1
for f in $FACES; do [ -f "$DEST/$f" ] || have=0; done
[ "$have" = 1 ] && exit 0
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
  echo "lzzr: 需要 apt-get 与 dpkg-deb 才能安装仿宋/楷体字体 / need apt-get and dpkg-deb"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -qq texlive-lang-chinese >/dev/null 2>&1) || {
  echo "lzzr: 无法下载 texlive-lang-chinese（先运行 apt-get update）/ cannot download texlive-lang-chinese"; exit 1; }
mkdir -p "$DEST"
for f in $FACES; do
  dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb \
    | tar -x -O --wildcards "*/fandol/$f" > "$DEST/$f.tmp"
  mv "$DEST/$f.tmp" "$DEST/$f"
done
fc-cache -f "$DEST" >/dev/null 2>&1 || true
echo "lzzr: 已安装字体 / installed fonts: $FACES → $DEST"
