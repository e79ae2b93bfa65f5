/** Welcome page, opened once on install; on Firefox it asks for access to web pages. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { WelcomeView } from './WelcomeView';

const ORIGINS = ['http://*/*', 'https://*/*'];

function Welcome() {
  const [hostAccess, setHostAccess] = useState(true);
  useEffect(() => void browser.permissions.contains({ origins: ORIGINS }).then(setHostAccess), []);
  return (
    <WelcomeView
      hostAccess={hostAccess}
      onRequestAccess={() => void browser.permissions.request({ origins: ORIGINS }).then(setHostAccess)}
    />
  );
}

render(<Welcome />, document.getElementById('app')!);
