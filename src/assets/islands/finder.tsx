// Finder enhancement: suggestions while typing, via a native <datalist> (keyboard and screen
// reader support come from the browser). Without JavaScript the plain GET form still works.
const DEBOUNCE_MS = 150;

interface Suggestion {
  code: string;
  name: string;
  formerName: string | null;
}

function enhance(input: HTMLInputElement, index: number) {
  const list = document.createElement('datalist');
  list.id = `finder-suggestions-${index}`;
  input.after(list);
  input.setAttribute('list', list.id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let controller: AbortController | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2 || q === last) return;
      last = q;
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`/api/v1/network/search?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
        if (!res.ok) return;
        const body = (await res.json()) as { data: Suggestion[] };
        list.replaceChildren(
          ...body.data.map((s) => {
            const option = document.createElement('option');
            option.value = s.formerName ?? s.name;
            option.label = s.formerName
              ? `${s.name} (${document.documentElement.lang === 'en' ? 'formerly' : 'vroeger'} ${s.formerName})`
              : s.name;
            return option;
          }),
        );
      } catch {
        // Aborted or offline: the form still works without suggestions.
      }
    }, DEBOUNCE_MS);
  });
}

document.querySelectorAll<HTMLInputElement>('input[data-finder-input]').forEach((input, i) => {
  enhance(input, i);
});
