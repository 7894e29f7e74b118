import { useEffect, useState } from 'preact/hooks';
import { forgetKey, onUnauthorized, storedKey } from './api.ts';
import { KeyPrompt } from './components/KeyPrompt.tsx';
import { BroadcastComposePage } from './pages/BroadcastCompose.tsx';
import { BroadcastDetailPage } from './pages/BroadcastDetail.tsx';
import { BroadcastsPage } from './pages/Broadcasts.tsx';
import { CalendarPage } from './pages/Calendar.tsx';
import { CustomerPage } from './pages/Customer.tsx';
import { CustomersPage } from './pages/Customers.tsx';
import { MessagePage } from './pages/Message.tsx';
import { OrdersPage } from './pages/Orders.tsx';
import { TodayPage } from './pages/Today.tsx';
import { link, useRoute, type Route } from './router.ts';

const NAV: Array<[string, string]> = [
  ['today', 'Today'],
  ['customers', 'Customers'],
  ['broadcasts', 'Broadcasts'],
  ['orders', 'Orders'],
  ['calendar', 'Business calendar'],
];

function page(route: Route) {
  const [section = 'today', id, sub] = route.parts;
  switch (section) {
    case 'customers':
      return id === undefined ? <CustomersPage /> : <CustomerPage id={id} query={route.query} />;
    case 'broadcasts':
      if (id === 'new') return <BroadcastComposePage />;
      return id === undefined ? <BroadcastsPage /> : <BroadcastDetailPage id={id} />;
    case 'messages':
      return id === undefined ? <BroadcastsPage /> : <MessagePage id={id} />;
    case 'orders':
      return <OrdersPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'today':
      return <TodayPage />;
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            There is no page <code>{[section, id, sub].filter(Boolean).join('/')}</code>.{' '}
            <a href={link('today')}>Go to today</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  const [hasKey, setHasKey] = useState(storedKey() !== null);
  const [refused, setRefused] = useState(false);
  const route = useRoute();
  useEffect(
    () =>
      onUnauthorized(() => {
        forgetKey();
        setRefused(true);
        setHasKey(false);
      }),
    [],
  );
  // Move focus to the new page's heading, as a page load would.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route.parts.join('/')]);

  if (!hasKey) {
    return (
      <KeyPrompt
        refused={refused}
        onSaved={() => {
          setRefused(false);
          setHasKey(true);
        }}
      />
    );
  }
  const section = route.parts[0] ?? 'today';
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header>
        <nav aria-label="Console">
          <span class="brand">screenmagic</span>
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={link(id)} aria-current={section === id ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="link"
            onClick={() => {
              forgetKey();
              setHasKey(false);
            }}
          >
            Forget key
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {page(route)}
      </main>
    </>
  );
}
