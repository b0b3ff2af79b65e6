// Icons of the gallery screens (decorative: buttons carry their own accessible names).

const Svg = ({ d, class: extra }: { d: string; class?: string }) => (
  <svg class={`icon${extra ? ` ${extra}` : ''}`} viewBox="0 0 24 24" aria-hidden="true">
    <path d={d} />
  </svg>
);

export const HeartIcon = ({ filled }: { filled?: boolean }) => (
  <Svg
    d={
      filled
        ? 'M12 20.7 10.6 19.4C5.4 14.7 2 11.6 2 7.9 2 4.8 4.4 2.5 7.5 2.5c1.7 0 3.4.8 4.5 2.1 1.1-1.3 2.8-2.1 4.5-2.1 3.1 0 5.5 2.3 5.5 5.4 0 3.7-3.4 6.8-8.6 11.5Z'
        : 'M16.5 2.5c-1.7 0-3.4.8-4.5 2.1-1.1-1.3-2.8-2.1-4.5-2.1C4.4 2.5 2 4.8 2 7.9c0 3.7 3.4 6.8 8.6 11.5l1.4 1.3 1.4-1.3C18.6 14.7 22 11.6 22 7.9c0-3.1-2.4-5.4-5.5-5.4Zm-4.4 15.4-.1.1-.1-.1C7.1 13.6 4 10.8 4 7.9 4 5.9 5.5 4.5 7.5 4.5c1.5 0 3 1 3.6 2.4h1.9c.5-1.4 2-2.4 3.5-2.4 2 0 3.5 1.4 3.5 3.4 0 2.9-3.1 5.7-7.9 10Z'
    }
  />
);

export const CheckIcon = () => <Svg d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4Z" />;

export const CheckCircleIcon = ({ filled }: { filled?: boolean }) => (
  <Svg
    d={
      filled
        ? 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.6-4.3-4.3 1.4-1.4 2.9 2.9 6-6 1.4 1.4Z'
        : 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm-1.5 12.6 7.4-7.4-1.4-1.4-6 6-2.9-2.9-1.4 1.4Z'
    }
  />
);

export const CommentIcon = () => (
  <Svg d="M4 4.5A1.5 1.5 0 0 1 5.5 3h13A1.5 1.5 0 0 1 20 4.5v11a1.5 1.5 0 0 1-1.5 1.5H9.4L5.6 20.4A1 1 0 0 1 4 19.6ZM6 5v12.4L8.6 15H18V5Zm2 3h8v2H8Zm0 3.5h5v2H8Z" />
);

export const DownloadIcon = () => <Svg d="M11 3h2v9.2l3.3-3.3 1.4 1.4-5.7 5.7-5.7-5.7 1.4-1.4 3.3 3.3ZM4 18h16v2H4Z" />;

export const CloseIcon = () => <Svg d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4Z" />;

export const ChevronLeftIcon = () => <Svg d="m15.4 5.4-1.4-1.4-8 8 8 8 1.4-1.4-6.6-6.6Z" />;

export const ChevronRightIcon = () => <Svg d="m8.6 5.4 1.4-1.4 8 8-8 8-1.4-1.4 6.6-6.6Z" />;

export const BackIcon = () => <Svg d="m10.7 5.3-6.7 6.7 6.7 6.7 1.4-1.4-4.3-4.3H20v-2H7.8l4.3-4.3Z" />;

export const UploadIcon = () => <Svg d="M11 20h2v-9.2l3.3 3.3 1.4-1.4L12 7l-5.7 5.7 1.4 1.4 3.3-3.3ZM4 3h16v2H4Z" />;

export const TrashIcon = () => (
  <Svg d="M9 3h6l1 2h4v2H4V5h4Zm-3 5h12l-1 12.5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 7 20.5Zm2.1 2 .8 10h6.2l.8-10Z" />
);

export const StarIcon = () => <Svg d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9Z" />;

export const LockIcon = () => (
  <Svg d="M12 2a5 5 0 0 1 5 5v3h1.5A1.5 1.5 0 0 1 20 11.5v9a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 20.5v-9A1.5 1.5 0 0 1 5.5 10H7V7a5 5 0 0 1 5-5Zm0 2a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3Zm-6 8v8h12v-8Z" />
);

export const LinkIcon = () => (
  <Svg d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 20.5a4.5 4.5 0 0 1-3.2-7.7l2.5-2.5 1.4 1.4-2.5 2.5a2.5 2.5 0 0 0 3.5 3.5l2.5-2.5 1.4 1.4-2.5 2.5a4.5 4.5 0 0 1-3.1 1.4Zm7.7-6.8-1.4-1.4 2.5-2.5a2.5 2.5 0 0 0-3.5-3.5l-2.5 2.5-1.4-1.4 2.5-2.5a4.5 4.5 0 0 1 6.3 6.3Z" />
);

export const GridIcon = () => <Svg d="M4 4h7v7H4Zm2 2v3h3V6Zm7-2h7v7h-7Zm2 2v3h3V6ZM4 13h7v7H4Zm2 2v3h3v-3Zm7-2h7v7h-7Zm2 2v3h3v-3Z" />;

export const ListIcon = () => <Svg d="M4 5h3v3H4Zm5 .5h11v2H9ZM4 10.5h3v3H4Zm5 .5h11v2H9ZM4 16h3v3H4Zm5 .5h11v2H9Z" />;

export const CopyIcon = () => (
  <Svg d="M8 3h11.5A1.5 1.5 0 0 1 21 4.5V16h-2V5H8Zm-3.5 4h11A1.5 1.5 0 0 1 17 8.5v12a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 20.5v-12A1.5 1.5 0 0 1 4.5 7ZM5 9v11h10V9Z" />
);

export const AlertIcon = () => <Svg d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm1 13h-2v2h2Zm0-8h-2v6h2Z" />;
