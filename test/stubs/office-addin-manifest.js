// office-addin-mock imports office-addin-manifest only for this enum; its ESM-only dependencies fail under jest.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
