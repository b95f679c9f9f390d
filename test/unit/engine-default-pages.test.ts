/**
 * The fact sheet's examples written out as realistic templates and rendered in several router states:
 * the RouterOS 7 login form (trial link nested in `$(if error == "")`, CHAP inside a start tag and a
 * script), the alogin popup, the default api.json (§9.2) and the WISPr block inside a comment.
 */
import { describe, expect, test } from 'vitest';
import { render } from '../../tools/routeros/engine/index.ts';

const LOGIN_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="pragma" content="no-cache">
<meta http-equiv="expires" content="-1">
<title>$(identity) - log in</title>
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
$(if chap-id)
<form name="sendin" action="$(link-login-only)" method="post" style="display:none">
  <input type="hidden" name="username">
  <input type="hidden" name="password">
  <input type="hidden" name="dst" value="$(link-orig)">
  <input type="hidden" name="popup" value="true">
</form>
<script src="/md5.js"></script>
<script>
function doLogin() {
  document.sendin.username.value = document.login.username.value;
  document.sendin.password.value = hexMD5('$(chap-id)' + document.login.password.value + '$(chap-challenge)');
  document.sendin.submit();
  return false;
}
</script>
$(endif)
<form name="login" action="$(link-login-only)" method="post" $(if chap-id) onSubmit="return doLogin()" $(endif)>
  <input type="hidden" name="dst" value="$(link-orig)">
  <input type="hidden" name="popup" value="true">
  <input type="text" name="username" value="$(username)">
  <input type="password" name="password">
  <button>Connect</button>
  <p class="info $(if error)alert$(endif)">
    $(if error == "")Please log in to use the internet hotspot service.$(if trial == 'yes')<br>
    Free trial available, <a href="$(link-login-only)?dst=$(link-orig-esc)&amp;username=T-$(mac-esc)">click here</a>.$(endif)$(endif)
    $(if error)$(error)$(endif)
  </p>
</form>
</body>
</html>
`;

const CHALLENGE = '\\357\\015\\330\\013\\021\\234\\145\\245\\303\\253\\142\\246\\133\\175\\375\\316';
const loginVars = (over: Record<string, string> = {}) => ({
  identity: 'Cafe',
  'link-login-only': 'http://10.5.50.1/login',
  'link-orig': 'http://example.com/news?id=1',
  username: '',
  error: '',
  trial: 'yes',
  mac: '00:0C:42:12:34:56',
  'chap-id': '\\371',
  'chap-challenge': CHALLENGE,
  ...over,
});
const login = (over?: Record<string, string>) => render(LOGIN_HTML, 'login.html', { vars: loginVars(over) });
const TRIAL_LINK =
  '<a href="http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2Fnews%3Fid%3D1&amp;username=T-00%3A0C%3A42%3A12%3A34%3A56">click here</a>';

describe('RouterOS 7 login form', () => {
  test('no error, trial available: the greeting and the trial link with -esc values', () => {
    const r = login();
    expect(r.unknown).toEqual([]);
    expect(r.body).toContain(
      '<p class="info ">\n    Please log in to use the internet hotspot service.<br>\n' + `    Free trial available, ${TRIAL_LINK}.\n    \n  </p>`,
    );
  });
  test('an error hides the greeting and the trial link, and is shown with the alert class', () => {
    const r = login({ error: 'invalid username or password', username: 'ann' });
    expect(r.body).not.toContain('click here');
    expect(r.body).not.toContain('Please log in');
    expect(r.body).toContain('<p class="info alert">\n    \n    invalid username or password\n  </p>');
    expect(r.body).toContain('<input type="text" name="username" value="ann">');
  });
  test('trial used up: the greeting without the link', () => {
    const r = login({ trial: 'no' });
    expect(r.body).toContain('<p class="info ">\n    Please log in to use the internet hotspot service.\n    \n  </p>');
    expect(r.body).not.toContain('T-00');
  });
  test('CHAP on: the sendin form, the hash script and onSubmit inside the start tag', () => {
    const r = login();
    expect(r.body).toContain(`document.sendin.password.value = hexMD5('\\371' + document.login.password.value + '${CHALLENGE}');`);
    expect(r.body).toContain('<form name="sendin" action="http://10.5.50.1/login" method="post" style="display:none">');
    expect(r.body).toContain('<input type="hidden" name="dst" value="http://example.com/news?id=1">');
    expect(r.body).toContain('<form name="login" action="http://10.5.50.1/login" method="post"  onSubmit="return doLogin()" >');
  });
  test('CHAP off (no chap-id): the form posts directly', () => {
    const r = login({ 'chap-id': '', 'chap-challenge': '' });
    expect(r.body).not.toContain('sendin');
    expect(r.body).not.toContain('md5.js');
    expect(r.body).toContain('<form name="login" action="http://10.5.50.1/login" method="post" >');
    expect(r.body.startsWith('<!DOCTYPE html>\n<html lang="en">\n')).toBe(true);
    expect(r.body).toContain('<title>Cafe - log in</title>\n<link rel="stylesheet" href="/css/style.css">\n</head>\n<body>\n\n<form name="login"');
  });
});

describe('alogin popup', () => {
  const ALOGIN = `<script>
$(if popup == 'true')
var w = window.open('$(link-status)', 'hotspot_status', 'width=290,height=200');
$(endif)
location.href = unescape('$(link-redirect-esc)');
</script>`;
  const vars = { popup: 'true', 'link-status': 'http://10.5.50.1/status', 'link-redirect': 'http://example.com/' };
  test("popup == 'true' opens the status window", () => {
    expect(render(ALOGIN, 'alogin.html', { vars }).body).toBe(
      "<script>\n\nvar w = window.open('http://10.5.50.1/status', 'hotspot_status', 'width=290,height=200');\n\n" +
        "location.href = unescape('http%3A%2F%2Fexample.com%2F');\n</script>",
    );
  });
  test('popup false or empty does not', () => {
    for (const popup of ['false', '']) {
      expect(render(ALOGIN, 'alogin.html', { vars: { ...vars, popup } }).body).not.toContain('window.open');
    }
  });
});

describe('default api.json (§9.2) stays valid JSON in every state', () => {
  const API_JSON = `$(if http-header == "Content-Type")application/captive+json$(endif){
  "captive": $(if logged-in == 'yes')false$(else)true$(endif),
  "user-portal-url": "$(link-login-only)",
$(if session-timeout-secs != 0)
  "seconds-remaining": $(session-timeout-secs),
$(endif)
$(if remain-bytes-total)
  "bytes-remaining": $(remain-bytes-total),
$(endif)
  "can-extend-session": true
}
`;
  const api = (over: Record<string, string>) => {
    const vars = {
      'logged-in': 'no',
      'link-login-only': 'https://hs.example.net/login',
      'session-timeout-secs': '0',
      'remain-bytes-total': '',
      ...over,
    };
    const r = render(API_JSON, 'api.json', { vars });
    expect(r.unknown).toEqual([]);
    expect(r.headers).toEqual([['Content-Type', 'application/captive+json']]);
    return JSON.parse(r.body) as unknown;
  };
  const portal = 'https://hs.example.net/login';

  test('not logged in: captive, no remaining counters', () => {
    expect(api({})).toEqual({ captive: true, 'user-portal-url': portal, 'can-extend-session': true });
  });
  test('logged in without limits', () => {
    expect(api({ 'logged-in': 'yes' })).toEqual({ captive: false, 'user-portal-url': portal, 'can-extend-session': true });
  });
  test('logged in with a time limit: seconds-remaining', () => {
    expect(api({ 'logged-in': 'yes', 'session-timeout-secs': '3475' })).toEqual({
      captive: false,
      'user-portal-url': portal,
      'seconds-remaining': 3475,
      'can-extend-session': true,
    });
  });
  test('logged in with a byte limit: bytes-remaining', () => {
    expect(api({ 'logged-in': 'yes', 'remain-bytes-total': '1048576' })).toEqual({
      captive: false,
      'user-portal-url': portal,
      'bytes-remaining': 1048576,
      'can-extend-session': true,
    });
  });
  test('both limits', () => {
    expect(api({ 'logged-in': 'yes', 'session-timeout-secs': '60', 'remain-bytes-total': '5' })).toEqual({
      captive: false,
      'user-portal-url': portal,
      'seconds-remaining': 60,
      'bytes-remaining': 5,
      'can-extend-session': true,
    });
  });
});

describe('WISPr block inside an HTML comment (rlogin.html)', () => {
  const RLOGIN = `$(if http-status == 302)Hotspot login required$(endif)
$(if http-header == "Location")$(link-redirect)$(endif)
<html>
<!--
<?xml version="1.0" encoding="UTF-8"?>
<WISPAccessGatewayParam>
<Redirect>
<AccessProcedure>1.0</AccessProcedure>
<LoginURL>$(link-login-only)?target=xml</LoginURL>
$(if location-id)<AccessLocation>$(location-id)</AccessLocation>$(endif)
<LocationName>$(location-name)</LocationName>
</Redirect>
</WISPAccessGatewayParam>
-->
</html>`;
  test('variables and conditions inside the comment are filled in', () => {
    const vars = {
      'link-redirect': 'http://10.5.50.1/login?dst=x',
      'link-login-only': 'http://10.5.50.1/login',
      'location-id': 'isocc=us,cc=1,ac=408,network=ACMEWISP_NewarkAirport',
      'location-name': 'Cafe_One',
    };
    const r = render(RLOGIN, 'rlogin.html', { vars });
    expect(r.status).toEqual({ code: 302, message: 'Hotspot login required' });
    expect(r.headers).toEqual([['Location', 'http://10.5.50.1/login?dst=x']]);
    expect(r.body).toContain(
      '<LoginURL>http://10.5.50.1/login?target=xml</LoginURL>\n<AccessLocation>isocc=us,cc=1,ac=408,network=ACMEWISP_NewarkAirport</AccessLocation>\n',
    );
    expect(render(RLOGIN, 'rlogin.html', { vars: { ...vars, 'location-id': '' } }).body).toContain(
      '</LoginURL>\n\n<LocationName>Cafe_One</LocationName>',
    );
  });
});
