/**
 * zlib level of a streamed big sheet. Its own module so the bench's raw write reference deflates at the same
 * level without loading the package writer (and with it ExcelJS) into the process it times.
 */
export const STREAMED_SHEET_LEVEL = 1;
