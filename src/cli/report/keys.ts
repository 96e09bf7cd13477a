// The table of natural keys now lives with the resources (src/resources/common/object-names.ts), so the
// provider's error messages and the drift report name objects the same way; this module keeps the
// report's import path.
export { NATURAL_KEYS, naturalKey, typeLabel } from '../../resources/common/object-names';
