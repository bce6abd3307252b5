import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as catalogue from "./index";
import "./messages/journeys-more";
import { languages } from "./languages";

// Every page's words go through the i18n layer in both languages: each message has a Vietnamese
// and an English text with the same placeholders, and no page or component writes a word a reader
// sees as a bare literal (JSX text, or a label, title, placeholder or alt written in quotes).
// Exempt: a subtree that declares its own language (`lang="vi"`: the filed yearly report is
// Vietnamese whatever the page's language, decision 017), the text of <style>, and a string that
// is itself a message key handed to a component that translates it.

const APP = path.resolve(__dirname, "../..");
const SCANNED = [path.join(APP, "routes"), path.join(APP, "components")];
const VISIBLE_ATTRIBUTES = new Set(["placeholder", "title", "alt", "aria-label", "label", "hint", "message", "confirmLabel"]);

/** Text that is not a word in any language: numbers, symbols, arrows, separators. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

/** Names and marks that read the same in both languages. */
const SAME_IN_BOTH = new Set(["ASEAN", "PIN", "QR", "CSV", "XLSX", "DOCX", "URL", "ID", "OK"]);

function readsTheSame(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  return words.every((word) => SAME_IN_BOTH.has(word));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [full] : [];
  });
}

type Finding = { file: string; line: number; text: string };

function ownLanguageOrStyle(element: ts.JsxOpeningElement | ts.JsxSelfClosingElement): boolean {
  if (element.tagName.getText() === "style") return true;
  return element.attributes.properties.some((attribute) => ts.isJsxAttribute(attribute) && attribute.name.getText() === "lang");
}

function literalsReadersSee(file: string, text = readFileSync(file, "utf8")): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!hasWords(text) || readsTheSame(text) || catalogue.isMessageKey(text)) return;
    findings.push({ file: path.relative(APP, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) && ownLanguageOrStyle(ts.isJsxElement(node) ? node.openingElement : node)) return;
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      if (VISIBLE_ATTRIBUTES.has(name)) {
        if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
        if (ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteralLike(node.initializer.expression)) {
          report(node, node.initializer.expression.text);
        }
      }
    }
    // A string literal rendered as a JSX child: {"Gửi"}.
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && ts.isJsxElement(node.parent)) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe("translations", () => {
  it("gives every message a Vietnamese and an English text with the same placeholders", () => {
    const problems: string[] = [];
    for (const key of allKeys()) {
      const texts = languages.map((language) => catalogue.translate(language, key));
      if (texts.some((text) => text.trim() === "")) problems.push(`${key}: empty`);
      const placeholders = texts.map((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join(","));
      if (new Set(placeholders).size > 1) problems.push(`${key}: placeholders ${placeholders.join(" / ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("finds the words a reader would see untranslated, and only those", () => {
    const page = `export default function Page({ t }) {
      return (
        <main title="Trang chủ">
          <h1>Xin chào</h1>
          <p>{t("home.title")} · 12 · ASEAN</p>
          <Field label={"Họ và tên"} hint={t("register.displayNameHint")} name="displayName" />
          <RoleHome title="teacher.home.title" />
          <button>{"Gửi"}</button>
          <style>{"body { color: black; }"}</style>
          <article lang="vi"><p>Độc lập - Tự do - Hạnh phúc</p></article>
        </main>
      );
    }`;
    expect(literalsReadersSee(path.join(APP, "routes", "example.tsx"), page).map((finding) => [finding.line, finding.text])).toEqual([
      [3, "Trang chủ"],
      [4, "Xin chào"],
      [6, "Họ và tên"],
      [8, "Gửi"],
    ]);
  });

  it("leaves no word a reader sees outside the i18n layer on any page or component", () => {
    const findings = SCANNED.flatMap(sourceFiles).flatMap((file) => literalsReadersSee(file));
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${JSON.stringify(finding.text)}`)).toEqual([]);
  });
});

/** Every message key, read from the catalogue through a key it must answer for. */
function allKeys(): catalogue.MessageKey[] {
  const dir = path.join(__dirname, "messages");
  const keys = new Set<string>();
  for (const name of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, name), "utf8");
    for (const match of text.matchAll(/^\s*"([^"]+)":\s*\{/gm)) keys.add(match[1]);
  }
  const known = [...keys].filter(catalogue.isMessageKey);
  expect(known.length).toBe(keys.size);
  return known;
}

describe("messages loaded with their routes", () => {
  const dir = path.join(__dirname, "messages");
  const routeFiles = readdirSync(dir)
    .filter((name) => readFileSync(path.join(dir, name), "utf8").includes("registerMessages("))
    .map((name) => {
      const text = readFileSync(path.join(dir, name), "utf8");
      return { module: `messages/${name.replace(/\.ts$/, "")}`, keys: [...text.matchAll(/^\s*"([^"]+)":\s*\{/gm)].map((match) => match[1]) };
    });

  function modules(dirPath: string): string[] {
    return readdirSync(dirPath).flatMap((name) => {
      const full = path.join(dirPath, name);
      if (statSync(full).isDirectory()) return name === "generated" || name === "__fixtures__" ? [] : modules(full);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }

  /** Keys a module names: whole string literals, and the fixed start of a template (`roundPick.${x}`). */
  function namedKeys(file: string, keys: readonly string[]): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const named = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) && keys.includes(node.text)) named.add(node.text);
      if (ts.isTemplateExpression(node) && node.head.text.includes(".") && keys.some((key) => key.startsWith(node.head.text))) named.add(`${node.head.text}…`);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return [...named];
  }

  it("are imported by every module that names one of their keys, so no page renders a key it did not load", () => {
    const missing: string[] = [];
    for (const file of modules(APP)) {
      if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
      const text = readFileSync(file, "utf8");
      for (const { module, keys } of routeFiles) {
        const named = namedKeys(file, keys);
        if (named.length > 0 && !text.includes(`~/utils/i18n/${module}"`)) missing.push(`${path.relative(APP, file)} names ${named[0]} without importing ${module}`);
      }
    }
    expect(routeFiles.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
