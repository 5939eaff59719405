#!/usr/bin/env bash
# Makes the installer icons from resources/icons/vigil.svg with Debian's tools:
#   apt-get install librsvg2-bin icoutils icnsutils
# The generated files are committed; run this again only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" vigil.svg -o "png/${size}x${size}.png"
done
# Windows: one .ico with the sizes Explorer and the taskbar ask for.
icotool -c -o vigil.ico png/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}.png
# macOS: png2icns takes the sizes the ICNS format has slots for.
png2icns vigil.icns png/{16x16,32x32,48x48,128x128,256x256,512x512,1024x1024}.png >/dev/null
