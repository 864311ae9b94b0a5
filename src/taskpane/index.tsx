import { createRoot } from "react-dom/client";
import { formatSerial } from "../domain/calendar";
import { lastCompleteYear } from "../domain/evaluation/last-complete-year";
import { createExcelActions } from "../excel/actions";
import { registerRibbonCommands } from "../excel/ribbon";
import { todaySerial } from "../excel/today";
import { App } from "./App";
import { createNoticeChannel } from "./notices";
import { themeForOffice } from "./theme";

/** "dd/mm/aaaa" → "aaaa-mm-dd" for date inputs. */
const isoDate = (serial: number) => formatSerial(serial).split("/").reverse().join("-");

const notices = createNoticeChannel();
const container = document.getElementById("container");

void Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const actions = createExcelActions();
  // The ribbon's ExecuteFunction button runs in this same shared runtime, even while the pane is closed.
  if (inExcel) registerRibbonCommands(actions, notices.publish);
  if (!container) return;
  const today = todaySerial();
  createRoot(container).render(
    <App
      inExcel={inExcel}
      actions={actions}
      theme={themeForOffice(inExcel ? Office.context.officeTheme : null)}
      defaultYear={lastCompleteYear(today)}
      today={isoDate(today)}
      notices={notices}
    />,
  );
});
