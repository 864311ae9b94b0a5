import type { GridArea } from "../../../src/domain/workbook/snapshot";
import { areaContains, areasOverlap, subtractArea } from "../../../src/domain/workbook/grid-area";

const area = (row: number, col: number, rowCount: number, colCount: number): GridArea => ({ row, col, rowCount, colCount });

/** Every cell of some areas as "row,col", to compare coverage regardless of how it is split. */
function cells(areas: readonly GridArea[]): string[] {
  const list: string[] = [];
  for (const a of areas) for (let r = 0; r < a.rowCount; r++) for (let c = 0; c < a.colCount; c++) list.push(`${a.row + r},${a.col + c}`);
  return list.sort();
}

describe("areaContains", () => {
  const table = area(1, 1, 3, 2); // B2:C4
  it("includes the edges and excludes the cells just outside", () => {
    expect(areaContains(table, 1, 1)).toBe(true);
    expect(areaContains(table, 3, 2)).toBe(true);
    expect(areaContains(table, 0, 1)).toBe(false);
    expect(areaContains(table, 4, 1)).toBe(false);
    expect(areaContains(table, 1, 0)).toBe(false);
    expect(areaContains(table, 1, 3)).toBe(false);
  });
});

describe("areasOverlap", () => {
  it("is true when areas share a cell, false when they only touch", () => {
    expect(areasOverlap(area(0, 0, 2, 2), area(1, 1, 2, 2))).toBe(true);
    expect(areasOverlap(area(0, 0, 5, 5), area(2, 2, 1, 1))).toBe(true);
    expect(areasOverlap(area(0, 0, 2, 2), area(2, 0, 2, 2))).toBe(false);
    expect(areasOverlap(area(0, 0, 2, 2), area(0, 2, 2, 2))).toBe(false);
  });
});

describe("subtractArea", () => {
  it("keeps an area untouched by the hole whole", () => {
    const a = area(0, 0, 3, 3);
    expect(subtractArea(a, area(5, 5, 1, 1))).toEqual([a]);
  });

  it("leaves nothing when the hole covers the area", () => {
    expect(subtractArea(area(2, 2, 2, 2), area(0, 0, 10, 10))).toEqual([]);
  });

  it("cuts a column validation around a re-validated block of rows", () => {
    // E2:E100 minus E10:E19 leaves E2:E9 and E20:E100.
    expect(subtractArea(area(1, 4, 99, 1), area(9, 4, 10, 1))).toEqual([area(1, 4, 8, 1), area(19, 4, 81, 1)]);
  });

  it("covers exactly the cells of the area outside the hole, without overlaps", () => {
    const a = area(0, 0, 6, 5);
    for (const hole of [area(2, 1, 2, 2), area(0, 0, 1, 1), area(4, 3, 5, 5), area(-1, 2, 10, 1)]) {
      const parts = subtractArea(a, hole);
      expect(parts.length).toBeLessThanOrEqual(4);
      const expected = cells([a]).filter((key) => {
        const [r = 0, c = 0] = key.split(",").map(Number);
        return !areaContains(hole, r, c);
      });
      expect(cells(parts)).toEqual(expected);
    }
  });
});
