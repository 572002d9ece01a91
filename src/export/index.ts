export * from './fhir/index.js';
