import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

function Placeholder({ inExcel }: { inExcel: boolean }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <h1>Control de Alianzas</h1>
        <Text>
          {inExcel
            ? "Estructure y valide el cuadro de control de operaciones con alianzas, mida tiempos de servicio en días hábiles colombianos y genere la evaluación anual de aliados."
            : "Abra este complemento desde Excel: Inicio > Control de Alianzas."}
        </Text>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) {
  void Office.onReady((info) => {
    createRoot(container).render(<Placeholder inExcel={info.host === Office.HostType.Excel} />);
  });
}
