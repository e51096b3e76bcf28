import { describe, expect, test } from "vitest";
import { checkContent } from "./channel-rules";

const draft = (body: string, extra: Partial<{ title: string; media: { url: string; alt: string }[] }> = {}) => ({ title: "Launch", body, media: [], ...extra });
const image = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://cdn.example.com/${i}.png`, alt: `Product shot ${i + 1}` }));
const messages = (problems: { message: string }[]) => problems.map((problem) => problem.message);

describe("channel rules", () => {
  test("X counts weighted characters: a long link counts as 23", () => {
    const link = `https://example.com/${"a".repeat(200)}`;
    const body = `${"b".repeat(250)} ${link}`;
    const check = checkContent("x", draft(body));
    expect(body.length).toBeGreaterThan(450);
    expect(check.body).toEqual({ used: 250 + 1 + 23, limit: 280 });
    expect(check.errors).toEqual([]);
    expect(check.links).toBe(1);
  });

  test("X refuses more than 280 weighted characters, saying how many", () => {
    const check = checkContent("x", draft("a".repeat(312)));
    expect(check.errors).toEqual([{ field: "body", severity: "error", message: "A post on X can have at most 280 characters; this one has 312." }]);
    // Emoji weigh 2 on X.
    expect(checkContent("x", draft("🎉".repeat(141))).body.used).toBe(282);
  });

  test("X warns about more than 2 hashtags but allows the save", () => {
    const check = checkContent("x", draft("Spring is here #launch #saas #b2b"));
    expect(check.errors).toEqual([]);
    expect(messages(check.warnings)).toEqual(["A post on X does best with at most 2 hashtags; this one has 3."]);
    expect(checkContent("x", draft("#one #two")).warnings).toEqual([]);
  });

  test("LinkedIn: 3,000 characters is the limit, more than 5 hashtags a warning", () => {
    expect(checkContent("linkedin", draft("a".repeat(3000))).errors).toEqual([]);
    expect(messages(checkContent("linkedin", draft("a".repeat(3001))).errors)).toEqual(["A LinkedIn post can have at most 3,000 characters; this one has 3,001."]);
    const tags = checkContent("linkedin", draft("#a1 #b2 #c3 #d4 #e5 #f6"));
    expect(tags.errors).toEqual([]);
    expect(messages(tags.warnings)).toEqual(["A LinkedIn post does best with at most 5 hashtags; this one has 6."]);
  });

  test("Instagram needs an image, allows 2,200 characters and at most 30 hashtags", () => {
    expect(messages(checkContent("instagram", draft("Hello")).errors)).toEqual(["An Instagram caption needs at least 1 image. Add one."]);
    expect(checkContent("instagram", draft("Hello", { media: image(1) })).errors).toEqual([]);
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(" ");
    expect(messages(checkContent("instagram", draft(tags, { media: image(1) })).errors)).toEqual([
      "An Instagram caption can have at most 30 hashtags; this one has 31.",
    ]);
    expect(messages(checkContent("instagram", draft("a".repeat(2201), { media: image(1) })).errors)).toEqual([
      "An Instagram caption can have at most 2,200 characters; this one has 2,201.",
    ]);
  });

  test("Facebook allows 63,206 characters", () => {
    expect(checkContent("facebook", draft("a".repeat(63_206))).errors).toEqual([]);
    expect(checkContent("facebook", draft("a".repeat(63_207))).errors).toHaveLength(1);
  });

  test("Pinterest: exactly one image, 500 characters, at most one link", () => {
    expect(messages(checkContent("pinterest", draft("Pin")).errors)).toEqual(["A pin needs exactly 1 image; this one has 0."]);
    expect(messages(checkContent("pinterest", draft("Pin", { media: image(2) })).errors)).toEqual(["A pin needs exactly 1 image; this one has 2."]);
    const twoLinks = checkContent("pinterest", draft("See https://a.example.com and https://b.example.com", { media: image(1) }));
    expect(messages(twoLinks.errors)).toEqual(["A pin can have at most 1 link; this one has 2."]);
    expect(messages(checkContent("pinterest", draft("a".repeat(501), { media: image(1) })).errors)).toEqual([
      "A pin can have at most 500 characters of description; this one has 501.",
    ]);
  });

  test("email and blog titles: at most 150 characters; the body is free", () => {
    const long = "s".repeat(151);
    expect(checkContent("email", draft("a".repeat(100_000), { title: long })).errors).toEqual([
      { field: "title", severity: "error", message: "An email can have a subject of at most 150 characters; this one has 151." },
    ]);
    expect(checkContent("email", draft("")).title).toEqual({ used: 6, limit: 150 });
    expect(messages(checkContent("blog", draft("", { title: long })).errors)).toEqual(["A blog post can have a title of at most 150 characters; this one has 151."]);
  });

  test("ads: 125 characters of primary text and one link", () => {
    expect(messages(checkContent("ad", draft("a".repeat(126))).errors)).toEqual(["An ad can have at most 125 characters of primary text; this one has 126."]);
    expect(messages(checkContent("ad", draft("https://a.example.com https://b.example.com")).errors)).toEqual(["An ad can have at most 1 link; this one has 2."]);
  });

  test("every image needs a description and a web address, on every channel", () => {
    const media = [
      { url: "https://cdn.example.com/1.png", alt: "Team photo" },
      { url: "https://cdn.example.com/2.png", alt: "  " },
      { url: "javascript:alert(1)", alt: "Chart" },
    ];
    const check = checkContent("facebook", draft("Hi", { media }));
    expect(check.errors).toEqual([
      { field: "media", severity: "error", message: "Describe image 2 for people who can't see it.", altText: true },
      { field: "media", severity: "error", message: "Give image 3 a web address starting with https:// or http://." },
    ]);
  });

  test("hashtags and links are found in any script", () => {
    const check = checkContent("linkedin", draft("Neu: #Frühling und #春 — mehr auf example.com/news"));
    expect(check.hashtags).toBe(2);
    expect(check.links).toBe(1);
  });
});
