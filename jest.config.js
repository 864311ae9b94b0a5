/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testEnvironment: "node",
  // Says in one line to run `npm run build` when the selected suites need dist/ and it is missing.
  globalSetup: "<rootDir>/test/build/require-build.ts",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Type errors are caught by `npm run lint` (tsc --noEmit); isolatedModules makes jest only transpile.
        tsconfig: { module: "commonjs", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
      },
    ],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "\\.(css)$": "<rootDir>/test/stubs/style.js",
  },
  testTimeout: 30000,
};
