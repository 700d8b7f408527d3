// Evaluates JSON Logic rules with json-logic-js, the library browsers run, so that OnceForm's Java evaluator can be
// compared with it (core's JsonLogicParityTest). Usage:
//
//   node jsonlogic.mjs CASES_FILE
//
// CASES_FILE holds a JSON array of {"rule": <JSON Logic>, "data": <JSON>}. Prints a JSON array with one result per
// case, in order. Values JSON cannot hold are written as objects: {"$number": "NaN" | "Infinity" | "-Infinity"},
// {"$undefined": true}, and {"$error": true} when json-logic-js throws.

import { readFileSync } from "node:fs";
import jsonLogic from "json-logic-js";

/** Replaces the values JSON cannot hold by marker objects. */
export function encode(value) {
  if (value === undefined) {
    return { $undefined: true };
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { $number: String(value) };
  }
  if (Array.isArray(value)) {
    return value.map(encode);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

function main(argv) {
  console.log = () => {}; // the "log" operation must not mix with the results (nor print submitted values)
  if (argv.length !== 1) {
    process.stderr.write("usage: node jsonlogic.mjs CASES_FILE\n");
    return 2;
  }
  const cases = JSON.parse(readFileSync(argv[0], "utf8"));
  const results = cases.map(({ rule, data }) => {
    try {
      return encode(jsonLogic.apply(rule, data));
    } catch (e) {
      return { $error: true };
    }
  });
  process.stdout.write(JSON.stringify(results) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
