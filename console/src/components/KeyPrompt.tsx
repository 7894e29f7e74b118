import { useState } from 'preact/hooks';
import { saveKey } from '../api.ts';

/** Asks for the API key once per browser session (kept in sessionStorage only). */
export function KeyPrompt({ onSaved, refused }: { onSaved: () => void; refused: boolean }) {
  const [key, setKey] = useState('');
  return (
    <main id="main" class="key-prompt">
      <h1>screenmagic console</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim() === '') return;
          saveKey(key.trim());
          onSaved();
        }}
      >
        {refused && (
          <p class="error" role="alert">
            The API refused that key (401). Enter a valid one.
          </p>
        )}
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          required
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <p class="muted">
          Kept for this browser session only (it survives a reload, not closing the browser).
        </p>
        <button type="submit">Open the console</button>
      </form>
    </main>
  );
}
