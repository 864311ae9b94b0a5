import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";

// A role query walks the whole pane (eight sections, Fluent's markup): on a busy 2-core CI machine one findBy can
// take over a second, past Testing Library's 1 s default, while the pane itself is ready. Waits, not assertions.
configure({ asyncUtilTimeout: 5000 });

export function renderInProvider(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>) };
}
