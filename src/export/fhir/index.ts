/** FHIR R4 out and in (part of `boussole/export.js`): no DOM, runs in Node and the browser. */
export { toFhirQuestionnaire, conditionToEnableWhen, type FhirExportOptions, type FhirExport, type NotExpressed } from './questionnaire.js';
export { toFhirQuestionnaireResponse, type FhirResponseOptions, type FhirMapping } from './response.js';
export { fromFhirQuestionnaire, fromFhirQuestionnaireResponse, type FhirImport, type FhirImportOptions, type Unsupported } from './import.js';
export { EXT as FHIR_EXTENSIONS, linkIds as fhirLinkIds, type FhirQuestionnaire, type FhirQuestionnaireResponse, type FhirQuestionnaireItem } from './codes.js';
