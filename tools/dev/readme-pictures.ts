/** The screenshots the README shows (docs/img/), copied there by `npm run screenshots -- --readme`. */
export const README_PICTURES = [
  'login.en.phone.png',
  'status.en.phone.png',
  'login-error.ar.phone.png',
  'login.en.phone.dark.png',
  'status.en.phone.dark.png',
  'login-nojs.en.phone.png',
];
