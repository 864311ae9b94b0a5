/**
 * Just enough XML for the parts of an .xlsx package the reader needs: attributes of a start tag, entity
 * decoding, and the elements of one name in a fragment. Not a general parser: the package parts are
 * machine-written, without DTDs or CDATA.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** Decodes the five named entities and character references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_match, entity: string) => {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (what follows the tag name), decoded. */
export function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ATTRIBUTE.exec(text)) !== null) {
    result[localName(match[1] ?? "")] = decodeXml(match[2] ?? match[3] ?? "");
  }
  return result;
}

/** "x14:cfRule" → "cfRule"; "r:id" stays "r:id" so relationship ids are not confused with plain ids. */
function localName(name: string): string {
  if (name.startsWith("r:")) return name;
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export interface XmlElement {
  attributes: Record<string, string>;
  /** Raw inner XML ("" for an empty element). */
  inner: string;
}

/** Every `<tag …>…</tag>` or `<tag …/>` in `xml`, in order (not nested in itself). Prefixed names match too. */
export function elements(xml: string, tag: string): XmlElement[] {
  const pattern = new RegExp(`<(?:\\w+:)?${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`, "g");
  const result: XmlElement[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml)) !== null) {
    result.push({ attributes: attributes(match[1] ?? ""), inner: match[2] ?? "" });
  }
  return result;
}

/** The first element named `tag`, or null. */
export function firstElement(xml: string, tag: string): XmlElement | null {
  return elements(xml, tag)[0] ?? null;
}

/** The concatenated, decoded text of every `<t>` in a fragment (shared or inline string, rich text runs). */
export function textRuns(xml: string): string {
  if (!xml.includes("<r>") && !xml.includes("<r ")) {
    const only = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(xml);
    return only ? decodeXml(only[1] ?? "") : "";
  }
  let text = "";
  // Phonetic runs (<rPh>) are guides above the text, not part of it.
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  const pattern = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(withoutPhonetic)) !== null) text += decodeXml(match[1] ?? "");
  return text;
}
