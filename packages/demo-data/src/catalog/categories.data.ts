import type { CategoryNode } from './catalog.types';

/** The demo shop's category tree, top-level departments in navigation order. Products sit in the leaves. */
export const CATEGORY_TREE: ReadonlyArray<CategoryNode> = [
  {
    name: 'Electronics',
    slug: 'electronics',
    children: [
      {
        name: 'Computers',
        slug: 'computers',
        children: [
          { name: 'Laptops', slug: 'laptops' },
          { name: 'Monitors', slug: 'monitors' },
          { name: 'Keyboards & Mice', slug: 'keyboards-and-mice' },
        ],
      },
      {
        name: 'Phones & Tablets',
        slug: 'phones-and-tablets',
        children: [
          { name: 'Smartphones', slug: 'smartphones' },
          { name: 'Tablets', slug: 'tablets' },
        ],
      },
      {
        name: 'Cameras',
        slug: 'cameras',
        children: [
          { name: 'Mirrorless Cameras', slug: 'mirrorless-cameras' },
          { name: 'Action Cameras', slug: 'action-cameras' },
        ],
      },
    ],
  },
  {
    name: 'Audio',
    slug: 'audio',
    children: [
      {
        name: 'Headphones',
        slug: 'headphones',
        children: [
          { name: 'Over-Ear Headphones', slug: 'over-ear-headphones' },
          { name: 'Wireless Earbuds', slug: 'wireless-earbuds' },
        ],
      },
      { name: 'Speakers', slug: 'speakers' },
    ],
  },
  {
    name: 'Home & Kitchen',
    slug: 'home-and-kitchen',
    children: [
      {
        name: 'Coffee',
        slug: 'coffee',
        children: [
          { name: 'Espresso Machines', slug: 'espresso-machines' },
          { name: 'Coffee Grinders', slug: 'coffee-grinders' },
          { name: 'Pour-Over & Brewing', slug: 'pour-over-and-brewing' },
        ],
      },
      { name: 'Cookware', slug: 'cookware' },
      { name: 'Small Appliances', slug: 'small-appliances' },
    ],
  },
  {
    name: 'Sports & Outdoors',
    slug: 'sports-and-outdoors',
    children: [
      {
        name: 'Cycling',
        slug: 'cycling',
        children: [
          { name: 'Bike Helmets', slug: 'bike-helmets' },
          { name: 'Bike Lights', slug: 'bike-lights' },
        ],
      },
      { name: 'Running Shoes', slug: 'running-shoes' },
      {
        name: 'Camping',
        slug: 'camping',
        children: [
          { name: 'Tents', slug: 'tents' },
          { name: 'Sleeping Bags', slug: 'sleeping-bags' },
        ],
      },
    ],
  },
  {
    name: 'Books',
    slug: 'books',
    children: [
      { name: 'Fiction', slug: 'fiction' },
      { name: 'Programming & Technology', slug: 'programming-and-technology' },
      { name: 'Cookbooks', slug: 'cookbooks' },
    ],
  },
];
