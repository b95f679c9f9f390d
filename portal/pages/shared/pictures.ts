/**
 * The brand's pictures (a raster logo, the hero), asked for now that the page's first script has run:
 * the build leaves their address in `data-hs-src` (tools/build/plugin-pages.ts `deferPictures`) so that
 * on a slow link they do not share it with that script. Their boxes are already in place.
 */
export function loadPictures(root: ParentNode = document): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-hs-src]')) {
    img.src = img.dataset['hsSrc']!;
    img.removeAttribute('data-hs-src');
  }
}
