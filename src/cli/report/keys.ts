// The names of objects come from the resource declarations (src/resources/names.ts), so the
// provider's error messages and the drift report name objects the same way; this module keeps the
// report's import path.
export { naturalKey, typeLabel } from '../../resources/names';
