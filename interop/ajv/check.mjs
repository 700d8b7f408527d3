// Validates OnceForm's sample submissions with ajv, a JSON Schema 2020-12 validator that knows nothing of OnceForm,
// to show that the bundled forms are plain JSON Schema. Usage:
//
//   node check.mjs FORMS_DIR SAMPLES_DIR [CODELISTS_DIR] [--errors]
//
// FORMS_DIR holds <form-id>-<version>.json; SAMPLES_DIR holds <form-id>/<version>/*.json (expected.json is skipped);
// CODELISTS_DIR defaults to FORMS_DIR/../codelists. Prints one JSON object, {"<form-id>/<version>/<file>": valid?},
// on standard output (with --errors, ajv's errors on standard error). Exits 2 if a form does not compile.
//
// The x-* keywords are declared so that strict mode accepts them; x-codelist is a real keyword that checks
// membership in the bundled code lists; the four vn-* formats follow the rules of OnceForm's VnFormats.java
// (vn-admin-unit: a code of the current list); x-not-future and x-personal-id follow FieldRules.java;
// x-visible-if, x-compute and x-rules are evaluated with json-logic-js (the browser's library), as OnceForm's
// RuleChecker.java does. With hiddenFields "drop", a hidden value is not rejected (OnceForm drops it before the schema
// checks; ajv still validates it against the schema).

import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import jsonLogic from "json-logic-js";

// ----- Vietnamese formats: the same rules as core/src/main/java/dev/onceform/core/internal/VnFormats.java -----

/** The 63 pre-2025 birth-registration province codes that begin a personal identification number. */
const ID_PROVINCE_CODES = new Set([
  "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
  "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
  "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
  "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
  "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
]);
const TWELVE_DIGITS = /^[0-9]{12}$/;
const TAX_CODE = /^([0-9]{10})(-[0-9]{3})?$/;
const PHONE = /^(?:0|\+84)(?:[35789][0-9]{8}|2[0-9]{9})$/;
const ADMIN_UNIT = /^[0-9]{2}(?:[0-9]{3})?$/;
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function isPersonalId(value) {
  return TWELVE_DIGITS.test(value) && ID_PROVINCE_CODES.has(value.substring(0, 3));
}

export function isTaxCode(value) {
  if (isPersonalId(value)) {
    return true;
  }
  const match = TAX_CODE.exec(value);
  if (!match) {
    return false;
  }
  if (match[2] === "-000") {
    return false;
  }
  const digits = match[1];
  let sum = 0;
  for (let i = 0; i < TAX_WEIGHTS.length; i++) {
    sum += TAX_WEIGHTS[i] * (digits.charCodeAt(i) - 48);
  }
  const remainder = sum % 11; // 0 means no valid code exists for these nine digits
  return remainder !== 0 && digits.charCodeAt(9) - 48 === 10 - remainder;
}

export const isPhone = (value) => PHONE.test(value);

/** A current (2025) province (2 digits) or commune (5 digits) code, from the bundled list. */
export function adminUnitFormat(codeListsDir) {
  const file = join(codeListsDir, "admin-units-current.json");
  const root = JSON.parse(readFileSync(file, "utf8"));
  const codes = new Set(root.provinces.flatMap((p) => [p.code, ...p.communes.map((c) => c.code)]));
  return (value) => ADMIN_UNIT.test(value) && codes.has(value);
}

// ----- x-not-future and x-personal-id: the same rules as core/.../internal/FieldRules.java -----

const VN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A real calendar date written YYYY-MM-DD. */
function isDate(text) {
  if (!ISO_DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Whether a date (or the Vietnamese calendar date of a date-time) is after today in Vietnam. */
export function isFuture(text, dateTime) {
  let day;
  if (dateTime) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) {
      return false; // the format keyword reports it
    }
    day = VN_DATE.format(instant);
  } else {
    if (!isDate(text)) {
      return false;
    }
    day = text;
  }
  return day > VN_DATE.format(new Date());
}

function at(root, pointer) {
  let node = root;
  for (const step of pointer.split("/").slice(1)) {
    const name = step.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, name)) {
      return undefined;
    }
    node = node[name];
  }
  return node;
}

export function personalIdAgrees(id, link, root) {
  if (!isPersonalId(id) || root === undefined) {
    return true;
  }
  const digit = id.charCodeAt(3) - 48;
  const yearDigits = Number(id.substring(4, 6));
  const birth = link.dateOfBirth === undefined ? undefined : at(root, link.dateOfBirth);
  if (typeof birth === "string" && isDate(birth)) {
    const year = Number(birth.substring(0, 4));
    const agrees =
      year >= 1900 && year < 2400 && Math.floor(digit / 2) === Math.floor(year / 100) - 19 && yearDigits === year % 100;
    if (!agrees) {
      return false;
    }
  }
  const sex = link.sex === undefined ? undefined : at(root, link.sex);
  if (sex === "male" || sex === "female") {
    return (sex === "female") === (digit % 2 === 1);
  }
  return true;
}

// ----- Code lists: read from the forms-schema resources, the same files and entries as CodeLists.java -----

const entryCodes = (root) => root.entries.map((e) => e.code);
const CODE_LISTS = {
  "admin-units-2025/province": ["admin-units-current.json", (root) => root.provinces.map((p) => p.code)],
  "admin-units-2025/commune": [
    "admin-units-current.json",
    (root) => root.provinces.flatMap((p) => p.communes.map((c) => c.code)),
  ],
  "ethnic-groups": ["ethnic-groups.json", (root) => root.groups.map((g) => g.code)],
  nationalities: ["nationalities.json", (root) => root.countries.map((c) => c.alpha2)],
  religions: ["religions.json", entryCodes],
  sex: ["sex.json", entryCodes],
  relationships: ["relationships.json", entryCodes],
  "household-relationships": ["household-relationships.json", entryCodes],
};

/** Returns the set of codes of a bundled list, or undefined if the list is not bundled. */
function loadCodeList(dir, name) {
  const spec = CODE_LISTS[name];
  if (!spec || !existsSync(join(dir, spec[0]))) {
    return undefined;
  }
  return new Set(spec[1](JSON.parse(readFileSync(join(dir, spec[0]), "utf8"))));
}

// ----- The x-* vocabulary, declared for strict mode -----

const LOCALIZED = {
  type: "object",
  required: ["vi"],
  properties: { vi: { type: "string", minLength: 1 }, en: { type: "string" } },
  additionalProperties: false,
};

/** Whether a submitted value equals a computed one; an incomputable result (null, NaN) matches anything. */
export function matchesComputed(result, value) {
  if (result === null || result === undefined) {
    return true;
  }
  if (typeof result === "number") {
    return !Number.isFinite(result) || (typeof value === "number" && value === result);
  }
  if (typeof result === "string") {
    return typeof value === "string" && value.normalize("NFC") === result.normalize("NFC");
  }
  return JSON.stringify(result) === JSON.stringify(value);
}

function vocabulary(codeListsDir, rules) {
  const lists = new Map();
  return [
    {
      keyword: "x-form",
      metaSchema: {
        type: "object",
        required: ["id", "version", "procedureCode", "title", "level", "result"],
        properties: {
          id: { type: "string", pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" },
          version: { type: "string" },
          procedureCode: { type: "string" },
          title: LOCALIZED,
          level: { enum: ["commune", "province", "ministry"] },
          result: { type: "string" },
          hiddenFields: { enum: ["reject", "drop"] },
          interconnected: {
            type: "array",
            items: {
              type: "object",
              required: ["procedureCode", "title"],
              properties: { procedureCode: { type: "string" }, title: LOCALIZED },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
    { keyword: "x-label", metaSchema: LOCALIZED },
    { keyword: "x-help", metaSchema: LOCALIZED },
    {
      keyword: "x-prefill",
      metaSchema: {
        type: "object",
        required: ["source", "attribute"],
        properties: {
          source: { type: "string" },
          attribute: { type: "string" },
          subject: { type: "string" },
          lock: { type: "boolean" },
        },
        additionalProperties: false,
      },
    },
    // JSON Logic rules, evaluated with json-logic-js as in RuleChecker.java (paths are dotted from the submission root)
    {
      keyword: "x-visible-if", // present while the rule is false: invalid (hiddenFields "reject", the default)
      validate: (rule, data, parentSchema, ctx) => rules.dropsHidden || jsonLogic.truthy(jsonLogic.apply(rule, ctx.rootData)),
    },
    {
      keyword: "x-compute", // a present value must equal the computed one
      validate: (rule, data, parentSchema, ctx) => matchesComputed(jsonLogic.apply(rule, ctx.rootData), data),
    },
    {
      keyword: "x-rules", // cross-field conditions: each must be truthy
      metaSchema: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "rule", "pointer", "message"],
          properties: { id: { type: "string" }, rule: {}, pointer: { type: "string" }, message: LOCALIZED },
          additionalProperties: false,
        },
      },
      validate: (list, data, parentSchema, ctx) =>
        list.every((entry) => jsonLogic.truthy(jsonLogic.apply(entry.rule, ctx.rootData))),
    },
    { keyword: "x-order", metaSchema: { type: "integer" } },
    { keyword: "x-section", metaSchema: { type: "string" } },
    {
      keyword: "x-widget",
      metaSchema: {
        enum: ["text", "textarea", "select", "radio", "checkbox", "date", "number", "email", "tel", "hidden", "address"],
      },
    },
    {
      // x-not-future: the same rule as FieldRules.java; today is today in Vietnam.
      keyword: "x-not-future",
      type: "string",
      schemaType: "boolean",
      compile(enabled, parentSchema) {
        const dateTime = parentSchema.format === "date-time";
        return (data) => !enabled || !isFuture(data, dateTime);
      },
    },
    {
      // x-personal-id: the ID's century/sex digit and year digits agree with the linked fields, when those are valid.
      keyword: "x-personal-id",
      type: "string",
      schemaType: "object",
      metaSchema: {
        type: "object",
        minProperties: 1,
        properties: { dateOfBirth: { type: "string" }, sex: { type: "string" } },
        additionalProperties: false,
      },
      validate(link, data, _parentSchema, dataCxt) {
        return personalIdAgrees(data, link, dataCxt ? dataCxt.rootData : undefined);
      },
    },
    {
      keyword: "x-codelist",
      type: "string",
      schemaType: "string",
      compile(name) {
        if (!lists.has(name)) {
          lists.set(name, loadCodeList(codeListsDir, name));
        }
        const codes = lists.get(name);
        if (!codes) {
          throw new Error(`x-codelist names '${name}', which is not in ${codeListsDir}`);
        }
        return (data) => codes.has(data);
      },
    },
  ];
}

function newAjv(codeListsDir, rules) {
  // Strict mode, except strictRequired: it rejects the standard JSON Schema idiom for a conditionally required
  // field, {"if": {...}, "then": {"required": ["bankAccount"]}}, because "then" does not itself define the property
  // (ajv's default is strictRequired: false even in strict mode; strict: true turns it on).
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("vn-personal-id", { type: "string", validate: isPersonalId });
  ajv.addFormat("vn-tax-code", { type: "string", validate: isTaxCode });
  ajv.addFormat("vn-phone", { type: "string", validate: isPhone });
  ajv.addFormat("vn-admin-unit", { type: "string", validate: adminUnitFormat(codeListsDir) });
  ajv.addVocabulary(vocabulary(codeListsDir, rules));
  return ajv;
}

function directories(dir) {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

function main(argv) {
  const showErrors = argv.includes("--errors");
  const args = argv.filter((a) => a !== "--errors");
  if (args.length < 2 || args.length > 3) {
    process.stderr.write("usage: node check.mjs FORMS_DIR SAMPLES_DIR [CODELISTS_DIR] [--errors]\n");
    return 2;
  }
  const formsDir = resolve(args[0]);
  const samplesDir = resolve(args[1]);
  const codeListsDir = resolve(args[2] ?? join(formsDir, "..", "codelists"));
  const results = {};
  for (const formId of directories(samplesDir)) {
    for (const version of directories(join(samplesDir, formId))) {
      const formFile = join(formsDir, `${formId}-${version}.json`);
      let validate;
      try {
        const form = JSON.parse(readFileSync(formFile, "utf8"));
        // one Ajv per form: x-visible-if depends on the form's x-form.hiddenFields
        const ajv = newAjv(codeListsDir, { dropsHidden: form["x-form"]?.hiddenFields === "drop" });
        validate = ajv.compile(form);
      } catch (e) {
        process.stderr.write(`${formFile}: does not compile with ajv: ${e.message}\n`);
        return 2;
      }
      const folder = join(samplesDir, formId, version);
      for (const file of readdirSync(folder).filter((f) => f.endsWith(".json") && f !== "expected.json").sort()) {
        const valid = validate(JSON.parse(readFileSync(join(folder, file), "utf8")));
        results[`${formId}/${version}/${file}`] = valid;
        if (showErrors && !valid) {
          process.stderr.write(`${formId}/${version}/${file}: ${JSON.stringify(validate.errors)}\n`);
        }
      }
    }
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
