import { todayInColombia } from "../domain/calendar";
import { createRoot } from "react-dom/client";
import { formatSerial } from "../domain/calendar";
import { lastCompleteYear } from "../domain/evaluation/last-complete-year";
import { createExcelActions } from "../excel/actions";
import { provideRibbonRuntime } from "../excel/ribbon";
import { refreshStatusDateOncePerDay } from "../excel/status-date";
import { App } from "./App";
import { createNoticeChannel } from "./notices";
import { themeForOffice } from "./theme";

/** "dd/mm/aaaa" → "aaaa-mm-dd" for date inputs. */
const isoDate = (serial: number) => formatSerial(serial).split("/").reverse().join("-");

const notices = createNoticeChannel();
const container = document.getElementById("container");
const actions = createExcelActions();
// functions.js associated the ribbon button at load; its handler reaches these actions and the pane's
// notice channel through the shared holder (the button runs in this runtime even while the pane is closed).
provideRibbonRuntime({ actions, notify: notices.publish });

void Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  // The status date (ADUANA_HOY) is a plain date, not =TODAY(): bring it to today once a day when the runtime starts.
  if (inExcel) {
    void refreshStatusDateOncePerDay().then((refresh) => {
      if (refresh.status === "failed") notices.publish({ kind: "error", message: refresh.notice });
    });
  }
  if (!container) return;
  const today = todayInColombia(new Date());
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
