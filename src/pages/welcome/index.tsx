/** Welcome page, opened once on install; on Firefox it asks for access to web pages. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { READ_ORIGINS } from '../../core/permissions';
import { WelcomeView } from './WelcomeView';

function Welcome() {
  const [hostAccess, setHostAccess] = useState(true);
  useEffect(() => void browser.permissions.contains({ origins: READ_ORIGINS }).then(setHostAccess), []);
  return (
    <WelcomeView
      hostAccess={hostAccess}
      onRequestAccess={() => void browser.permissions.request({ origins: READ_ORIGINS }).then(setHostAccess)}
    />
  );
}

render(<Welcome />, document.getElementById('app')!);
