import { nitCheckDigit } from "../domain/identity/nit";

/** A sample partner; dates are offsets in days from "today" so the sample stays current. */
export interface SampleAlliance {
  name: string;
  nitBase: string;
  city: string;
  contact: string;
  email: string;
  phone: string;
  contract: string;
  contractStartOffset: number;
  contractEndOffset: number;
  importTarget: number;
  exportTarget: number;
  saturdayIsBusiness: boolean;
  status: string;
  certifications: string;
  restrictiveListOffset: number;
  /** Relative share of the year's DOs. */
  volume: number;
  /** Modes used in this city, with weights. */
  modes: readonly (readonly [string, number])[];
  /** Share of DOs this partner delivers late. */
  lateShare: number;
}

/** Fictional partners, one per alliance city (SPEC §1.2). Bogotá's contract ends within 60 days; Cúcuta works Saturdays. */
/** The Aliado a coordinator typed for a partner never registered in tblAlianzas (a planted mistake). */
export const UNREGISTERED_ALLIANCE = "Aduanas del Pacífico S.A.S.";

export const SAMPLE_ALLIANCES: readonly SampleAlliance[] = [
  {
    name: "Agencia de Aduanas Caribe Logístico S.A.S. Nivel 1",
    nitBase: "900347152",
    city: "Cartagena",
    contact: "Mónica Pérez Arrieta",
    email: "operaciones@caribelogistico.example.co",
    phone: "+57 605 693 4120",
    contract: "CA-2023-011",
    contractStartOffset: -1050,
    contractEndOffset: 410,
    importTarget: 4,
    exportTarget: 2,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "BASC; OEA",
    restrictiveListOffset: -120,
    volume: 30,
    modes: [["Marítimo", 9], ["Aéreo", 1]],
    lateShare: 0.06,
  },
  {
    name: "Aduanas Frontera Oriental S.A.S.",
    nitBase: "901128436",
    city: "Cúcuta",
    contact: "Jorge Enrique Villamizar",
    email: "jvillamizar@fronteraoriental.example.co",
    phone: "+57 607 571 8830",
    contract: "CA-2022-004",
    contractStartOffset: -1400,
    contractEndOffset: 300,
    importTarget: 3,
    exportTarget: 2,
    saturdayIsBusiness: true,
    status: "Activo",
    certifications: "BASC",
    restrictiveListOffset: -200,
    volume: 16,
    modes: [["Terrestre", 10]],
    lateShare: 0.12,
  },
  {
    name: "Agencia de Aduanas Rumichaca Ltda.",
    nitBase: "800241915",
    city: "Ipiales",
    contact: "Diana Carolina Erazo",
    email: "derazo@rumichaca.example.co",
    phone: "+57 602 773 2291",
    contract: "CA-2023-019",
    contractStartOffset: -820,
    contractEndOffset: 520,
    importTarget: 5,
    exportTarget: 3,
    saturdayIsBusiness: false,
    status: "Condicionado",
    certifications: "BASC",
    restrictiveListOffset: -420,
    volume: 8,
    modes: [["Terrestre", 10]],
    lateShare: 0.22,
  },
  {
    name: "Comercio Exterior Guajira S.A.S.",
    nitBase: "900786203",
    city: "Maicao",
    contact: "Abdul Jattin Iguarán",
    email: "comex@exteriorguajira.example.co",
    phone: "+57 605 726 0457",
    contract: "CA-2024-002",
    contractStartOffset: -800,
    contractEndOffset: 650,
    importTarget: 4,
    exportTarget: 3,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "OEA",
    restrictiveListOffset: -90,
    volume: 6,
    modes: [["Terrestre", 10]],
    lateShare: 0.15,
  },
  {
    name: "Agencia de Aduanas Puerto Riohacha S.A.S.",
    nitBase: "901455608",
    city: "Riohacha",
    contact: "Luz Marina Brito",
    email: "lbrito@puertoriohacha.example.co",
    phone: "+57 605 728 1163",
    contract: "CA-2024-007",
    contractStartOffset: -780,
    contractEndOffset: 700,
    importTarget: 4,
    exportTarget: 3,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "BASC",
    restrictiveListOffset: -60,
    volume: 5,
    modes: [["Marítimo", 6], ["Terrestre", 4]],
    lateShare: 0.1,
  },
  {
    name: "Sabana Aduanas y Carga S.A.S.",
    nitBase: "830052774",
    city: "Bogotá",
    contact: "Camilo Andrés Rojas",
    email: "crojas@sabanaaduanas.example.co",
    phone: "+57 601 742 5530",
    contract: "CA-2023-015",
    contractStartOffset: -900,
    contractEndOffset: 45,
    importTarget: 3,
    exportTarget: 2,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "BASC; OEA; ISO 9001",
    restrictiveListOffset: -150,
    volume: 22,
    modes: [["Aéreo", 10]],
    lateShare: 0.05,
  },
  {
    name: "Agencia de Aduanas Bocas de Ceniza S.A.S.",
    nitBase: "802019337",
    city: "Barranquilla",
    contact: "Katherine Insignares",
    email: "kinsignares@bocasdeceniza.example.co",
    phone: "+57 605 385 7742",
    contract: "CA-2022-009",
    contractStartOffset: -1300,
    contractEndOffset: 380,
    importTarget: 4,
    exportTarget: 2,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "OEA; ISO 9001",
    restrictiveListOffset: -30,
    volume: 13,
    modes: [["Marítimo", 7], ["Aéreo", 3]],
    lateShare: 0.09,
  },
];

/** "900347152-3": a NIT with its DIAN check digit. */
export function nitWithCheckDigit(base: string): string {
  return `${base}-${nitCheckDigit(base) ?? 0}`;
}
