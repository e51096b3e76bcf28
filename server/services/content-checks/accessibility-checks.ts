// Images people can't see need a description. The channel rules refuse an image
// without one on save; here it is reported with the other checks, along with
// descriptions that say nothing (a file name, "image").
import { type ContentFinding } from "./content-finding";

const MEANINGLESS_ALT = /^(?:image|img|photo|picture|pic|graphic|screenshot|logo|banner|alt|untitled|placeholder)(?:\s*\d*)?$/i;
const FILE_NAME = /^[\w-]+\.(?:png|jpe?g|gif|webp|svg|avif|heic)$/i;

export function checkAltText(media: { url: string; alt: string }[]): ContentFinding[] {
  const findings: ContentFinding[] = [];
  media.forEach((image, index) => {
    const alt = image.alt.trim();
    const which = `Image ${index + 1}`;
    if (!alt) {
      findings.push({ check: "accessibility", severity: "error", field: "media", message: `${which} has no alt text: describe it for people who can't see it.`, excerpt: image.url });
    } else if (MEANINGLESS_ALT.test(alt) || FILE_NAME.test(alt)) {
      findings.push({
        check: "accessibility",
        severity: "warning",
        field: "media",
        message: `${which}'s alt text “${alt}” doesn't say what it shows: describe what is in it.`,
        excerpt: image.url,
      });
    }
  });
  return findings;
}
