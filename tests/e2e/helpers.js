// One import for the specs and tools: everything the helper modules export.
//   fixture.js   the test fixture, locating by role and label, axe, touch targets
//   state.js     the device's storage, and staged states shared by a run's workers
//   getting-ready.js  drivers of setting up the device and of part 1
//   meeting.js   drivers of parts 2 and 3, and the staged reviews
//   features.js  the Display panel, passing the tablet, drafts' banners, the PIN, the CLI
//   screens.js   the registry of every screen and state (with screens-device.js)
//   words.js     the app's words in Welsh and Urdu, to drive its screens in them
export * from './fixture.js';
export * from './state.js';
export * from './getting-ready.js';
export * from './meeting.js';
export * from './features.js';
export { SCREENS } from './screens.js';
export * from './words.js';
