import type { Theme } from "@fluentui/react-components";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance (0 dark … 1 light) of a "#RRGGBB" colour; null when it is not one. */
function luminance(color: string | undefined): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return null;
  const n = parseInt(match[1] ?? "", 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The Fluent theme matching the Office theme: dark when Office's body background is dark. */
export function themeForOffice(officeTheme: { bodyBackgroundColor?: string } | undefined | null): Theme {
  const light = luminance(officeTheme?.bodyBackgroundColor);
  return light !== null && light < 0.5 ? webDarkTheme : webLightTheme;
}
