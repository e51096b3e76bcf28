import { describe, expect, it } from "vitest";
import type { BrandRules } from "@/db/schema/workspaces";
import { linkProblem } from "./link-checks";
import { measureReadability } from "./readability";
import { type ContentCheckDraft, hasBlockingFindings, runContentChecks } from "./run-content-checks";

const rules: BrandRules = {
  bannedPhrases: [
    { phrase: "guaranteed", replacement: "expected" },
    { phrase: "best in class", replacement: "" },
  ],
  disclaimers: { linkedin: "Terms apply.", email: "You receive this because you signed up at acme.io." },
};
const noRules: BrandRules = { bannedPhrases: [], disclaimers: {} };

const draft = (fields: Partial<ContentCheckDraft>): ContentCheckDraft => ({ channel: "blog", title: "", body: "", media: [], ...fields });
const of = (check: string, findings: ReturnType<typeof runContentChecks>) => findings.filter((finding) => finding.check === check);

describe("brand rules", () => {
  it("finds a banned word as a whole word in any case, says where, and suggests the replacement", () => {
    const body = "Spring launch. Our new planner has results Guaranteed by our data team, and guaranteedly fast.";
    const [finding, ...rest] = of("brand", runContentChecks(draft({ body }), rules));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "error", field: "body", suggestion: "expected" });
    expect(body.slice(finding!.start, finding!.end)).toBe("Guaranteed");
    expect(finding!.excerpt).toBe("…planner has results Guaranteed by our data team, and…");
    expect(finding!.message).toBe("Banned phrase “guaranteed” in the body (…planner has results Guaranteed by our data team, and…): use “expected” instead.");
  });

  it("matches a phrase across line breaks and extra spaces, in the title too, and without a replacement asks to rephrase", () => {
    const findings = of("brand", runContentChecks(draft({ title: "Best in class analytics", body: "Truly best\nin   class." }), rules));
    expect(findings.map((finding) => [finding.field, finding.start, finding.end])).toEqual([
      ["title", 0, 13],
      ["body", 6, 21],
    ]);
    expect(findings[0]!.message).toBe("Banned phrase “best in class” in the title (Best in class analytics): rephrase it.");
    expect(findings[0]!.suggestion).toBeUndefined();
  });

  it("treats punctuation in a phrase literally", () => {
    const copyright = { bannedPhrases: [{ phrase: "(c)", replacement: "©" }], disclaimers: {} };
    expect(of("brand", runContentChecks(draft({ body: "Acme (c) 2026" }), copyright))).toHaveLength(1);
    expect(of("brand", runContentChecks(draft({ body: "Acme c 2026" }), copyright))).toHaveLength(0);
    const percent = runContentChecks(draft({ body: "Save 100% now" }), { bannedPhrases: [{ phrase: "100%", replacement: "all" }], disclaimers: {} });
    expect(of("brand", percent)).toHaveLength(1);
  });

  it("wants the channel's disclaimer word for word, spacing and case aside", () => {
    const missing = of("disclaimer", runContentChecks(draft({ channel: "linkedin", body: "We are hiring designers." }), rules));
    expect(missing).toEqual([
      { check: "disclaimer", severity: "error", field: "body", message: "The LinkedIn disclaimer is missing from the body: add “Terms apply.”.", suggestion: "Terms apply." },
    ]);
    expect(of("disclaimer", runContentChecks(draft({ channel: "linkedin", body: "Win a ticket!\nterms   apply." }), rules))).toEqual([]);
    expect(of("disclaimer", runContentChecks(draft({ channel: "x", body: "No disclaimer needed here." }), rules))).toEqual([]);
  });
});

describe("links and unfinished text", () => {
  it("accepts real web addresses, with the sentence's punctuation after them", () => {
    const body = "Read more at https://acme.io/blog/spring-launch?utm_source=linkedin. Or www.acme.io, (see https://docs.acme.io/a_b).";
    expect(of("links", runContentChecks(draft({ body }), noRules))).toEqual([]);
  });

  it("refuses malformed links and says which and why", () => {
    const body = "Sign up: htps://acme.io/signup or http//acme.io or https://acme or http:/acme.io today";
    const findings = of("links", runContentChecks(draft({ body }), noRules));
    expect(findings.map((finding) => body.slice(finding.start, finding.end))).toEqual(["htps://acme.io/signup", "http//acme.io", "https://acme", "http:/acme.io"]);
    expect(findings[0]!.message).toBe("The link “htps://acme.io/signup” in the body won't work: only http:// and https:// addresses open for everyone.");
    expect(findings.every((finding) => finding.severity === "error")).toBe(true);
  });

  it("reports a placeholder two patterns match once", () => {
    const body = "Details at [LINK], date [TBD].";
    const findings = of("links", runContentChecks(draft({ body }), noRules));
    expect(findings.map((finding) => body.slice(finding.start, finding.end))).toEqual(["[LINK]", "[TBD]"]);
  });

  it("finds placeholders, notes to self and stand-in addresses", () => {
    const body = "Hi {{first_name}}, join us on [DATE] at <insert link>. TODO: add speaker. Register at https://example.com/register or https://acme.io/r?id={{id}}. Lorem ipsum.";
    const findings = of("links", runContentChecks(draft({ body }), noRules));
    expect(findings.map((finding) => body.slice(finding.start, finding.end))).toEqual([
      "{{first_name}}",
      "[DATE]",
      "<insert link>",
      "TODO",
      "https://example.com/register",
      "https://acme.io/r?id={{id}}",
      "Lorem ipsum",
    ]);
    expect(findings[0]!.message).toBe("Unfinished merge tag “{{first_name}}” in the body: replace it with the real text.");
    expect(findings[4]!.message).toContain("stand-in address");
    expect(findings[5]!.message).toContain("placeholder");
  });

  it("on email, where the email tool fills merge tags in, only warns about them", () => {
    const findings = of("links", runContentChecks(draft({ channel: "email", title: "Hi {{first_name}}", body: "Hi *|FNAME|*, your [DISCOUNT] code is inside." }), noRules));
    // Errors first, as runContentChecks orders them.
    expect(findings.map((finding) => [finding.field, finding.severity, finding.excerpt])).toEqual([
      ["body", "error", "Hi *|FNAME|*, your [DISCOUNT] code is inside."],
      ["title", "warning", "Hi {{first_name}}"],
      ["body", "warning", "Hi *|FNAME|*, your [DISCOUNT] code…"],
    ]);
    expect(findings[1]!.message).toBe("Merge tag “{{first_name}}” in the title: check that your email tool fills it in, or replace it with the real text.");
  });

  it("leaves ordinary words and brackets alone", () => {
    const body = "Our todo list app [beta] ships today; the tbd column is gone. Price: {from $9}.";
    expect(of("links", runContentChecks(draft({ body }), noRules))).toEqual([]);
  });

  it("knows a usable address", () => {
    expect(linkProblem("https://acme.io")).toBeNull();
    expect(linkProblem("http://192.168.1.20/page")).toBeNull();
    expect(linkProblem("https://bücher.de/katalog")).toBeNull();
    expect(linkProblem("ftp://acme.io/file")).toMatch(/only http/);
    expect(linkProblem("https://localhost:3000")).toMatch(/stand-in/);
  });
});

describe("accessibility", () => {
  it("wants every image described, and a description that says something", () => {
    const media = [
      { url: "https://cdn.acme.io/team.jpg", alt: "Five people laughing around a whiteboard" },
      { url: "https://cdn.acme.io/chart.png", alt: "  " },
      { url: "https://cdn.acme.io/hero.png", alt: "hero.png" },
      { url: "https://cdn.acme.io/x.png", alt: "Image 4" },
    ];
    const findings = of("accessibility", runContentChecks(draft({ channel: "linkedin", body: "Team day!", media }), noRules));
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      ["error", "Image 2 has no alt text: describe it for people who can't see it."],
      ["warning", "Image 3's alt text “hero.png” doesn't say what it shows: describe what is in it."],
      ["warning", "Image 4's alt text “Image 4” doesn't say what it shows: describe what is in it."],
    ]);
    // The channel rules' own "describe image 2" is not reported twice.
    expect(of("channel", runContentChecks(draft({ channel: "linkedin", body: "Team day!", media }), noRules))).toEqual([]);
  });
});

describe("readability", () => {
  it("scores plain text as easy, with its grade, as information", () => {
    const body = "We made a new app. It helps your team plan. You can try it for free. Tell us what you think.";
    const [finding] = of("readability", runContentChecks(draft({ body }), noRules));
    expect(finding).toMatchObject({ severity: "info", field: "body" });
    expect(finding!.message).toMatch(/^Reading ease \d+ \((very easy|easy)\), grade [1-3]\.$/);
  });

  it("warns about dense corporate prose", () => {
    const body =
      "Leveraging comprehensive organizational capabilities, our revolutionary collaborative infrastructure facilitates unprecedented operational efficiencies, " +
      "consequently enabling multidisciplinary stakeholders to institutionalize transformational methodologies throughout interdepartmental communication ecosystems.";
    const [finding] = of("readability", runContentChecks(draft({ body }), noRules));
    expect(finding!.severity).toBe("warning");
    expect(finding!.message).toMatch(/^Reading ease -?\d+ \(very difficult\), grade \d+: hard to read\./);
  });

  it("counts sentences at line breaks and leaves links, hashtags and mentions out of the words", () => {
    const measured = measureReadability("Big news today\nWe ship on Monday https://acme.io/launch #launch @acme");
    expect(measured).toMatchObject({ sentences: 2, words: 7 });
    expect(measureReadability("https://acme.io #tag")).toBeNull();
  });
});

describe("channel limits", () => {
  it("reports the channel's limits from the channel rules", () => {
    const findings = of("channel", runContentChecks(draft({ channel: "pinterest", body: "Spring looks" }), noRules));
    expect(findings).toEqual([{ check: "channel", severity: "error", field: "media", message: "A pin needs exactly 1 image; this one has 0." }]);
    const x = of("channel", runContentChecks(draft({ channel: "x", body: "a".repeat(281) }), noRules));
    expect(x[0]).toMatchObject({ severity: "error", field: "body" });
  });
});

describe("all together", () => {
  it("orders errors first and blocks only on errors", () => {
    const clean = runContentChecks(draft({ channel: "linkedin", body: "We doubled our planning speed this spring. Read how at https://acme.io/blog. Terms apply." }), rules);
    expect(clean.map((finding) => finding.severity)).toEqual(["info"]);
    expect(hasBlockingFindings(clean)).toBe(false);

    const dirty = runContentChecks(draft({ channel: "linkedin", body: "Growth guaranteed. #a #b #c #d #e #f" }), rules);
    expect(dirty.map((finding) => `${finding.severity} ${finding.check}`)).toEqual(["error brand", "error disclaimer", "warning channel", "info readability"]);
    expect(hasBlockingFindings(dirty)).toBe(true);
  });
});
