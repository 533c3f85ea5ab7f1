import { expect, test } from './fixtures.ts';

// Issue 18: a Kazakh detainee's testimony (in the spirit of the seed article) and a Chinese and an
// Uyghur text naming the same counties; each place must be one entity whatever the script.
const FILES: Record<string, string> = {
  'testimony.txt': `Kazakh detainee describes five camps

Sayragul Sauytbay, a Kazakh woman released in June 2018, told reporters that she was arrested in 2017 at her home in Toli County.

She said she was moved between camps in Lopnur, Ili, Shawan, Emin and Toli counties, and that the guards never told her why.`,
  'zh.txt': `哈萨克族妇女讲述五个营地

她说，她于2017年在托里县家中被捕，后来先后被关押在尉犁县、伊犁、沙湾、额敏和托里的营地，2018年6月获释。`,
  'ug.txt': `قازاق ئايال بەش لاگېرنى سۆزلەيدۇ

ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان، كېيىن لوپنۇر ناھىيىسى، ئىلى، ساۋەن ۋە دۆربىلجىندىكى لاگېرلاردا تۇتۇلغان، 2018-يىلى ئىيۇندا قويۇپ بېرىلگەن.`,
};

test('places in three scripts are one entity each in the facets, and the timeline shows the 2017 arrest and the 2018 release', async ({ page, bridge, makeFiles, shot }) => {
  bridge.pickedFiles = makeFiles(FILES);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').first()).toContainText('Imported 3');

  // Any spelling finds the three documents, once the entity job has read them.
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  await box.fill('entity:"托里"');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.locator('.hit-title')).toHaveCount(3);
  const facets = page.getByRole('complementary', { name: 'Filter results' });
  for (const place of ['Toli', 'Yuli', 'Ili', 'Shawan', 'Emin']) {
    await expect(facets.getByRole('button', { name: `Places ${place}: 3 documents`, exact: true })).toBeVisible();
  }
  await shot('01-place-facets');
  // A click on a facet filters (and shows as a chip).
  await box.fill('released');
  await expect(results.locator('.hit-title')).toHaveCount(1);
  await box.fill('entity:Emin');
  await expect(results.locator('.hit-title')).toHaveCount(3);
  await facets.getByRole('button', { name: 'People Sayragul Sauytbay: 1 document', exact: true }).click();
  await expect(results.locator('.hit-title')).toHaveText(['Kazakh detainee describes five camps']);
  await expect(page.getByText('Entity: Sayragul Sauytbay')).toBeVisible();

  // The timeline: the arrest in 2017 and the release in June 2018, each from the three sources.
  await page.getByRole('button', { name: 'Entities & timeline' }).click();
  const pane = page.getByRole('region', { name: 'Entities and timeline' });
  await pane.getByRole('tab', { name: 'Timeline' }).click();
  const y2017 = pane.getByRole('listitem', { name: 'Period 2017' });
  const y2018 = pane.getByRole('listitem', { name: 'Period 2018' });
  await expect(y2017).toContainText('arrested in 2017');
  await expect(y2017).toContainText('2017年在托里县家中被捕');
  await expect(y2017).toContainText('2017-يىلى تولى ناھىيىسىدە');
  await expect(y2018).toContainText('released in June 2018');
  await expect(y2018.getByRole('button', { name: /Open the passage of 2018-06 in/ })).toHaveCount(3);
  await expect(pane.getByRole('region', { name: 'Given by several sources' })).toContainText('2018-06 · Toli: 3 documents');
  await shot('02-timeline-years');
  // Zoom into 2018: months.
  await y2018.getByRole('button', { name: 'Zoom into 2018' }).click();
  await expect(pane.getByRole('listitem', { name: 'Period 2018-06' })).toBeVisible();
  await shot('03-timeline-june-2018');
  // Each event opens its passage in the reader.
  await pane.getByRole('button', { name: 'Open the passage of 2018-06 in Kazakh detainee describes five camps' }).click();
  await expect(page.getByRole('document', { name: 'Text of Kazakh detainee describes five camps' })).toBeVisible();

  // The entity page: Toli's mentions in three scripts, grouped by document.
  await pane.getByRole('tab', { name: 'Entities' }).click();
  await pane.getByRole('button', { name: 'Toli: 3 documents' }).click();
  await expect(pane.locator('.entity-document')).toHaveCount(3);
  await expect(pane.getByText(/Written as: .*Toli County.*托里县/)).toBeVisible();
  await expect(pane.locator('.entity-mention mark').filter({ hasText: 'تولى ناھىيىسىدە' })).toHaveCount(1);
  await shot('04-entity-page');

  // The timeline as a section of a report, limited to the events naming Toli (any spelling).
  await page.getByRole('button', { name: 'Close entities and timeline' }).click();
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Title').fill('Toli County, 2017–2018');
  await page.getByRole('button', { name: 'Create report' }).click();
  await page.getByRole('checkbox', { name: 'Timeline section (dated events of the sources)' }).check();
  const naming = page.getByRole('searchbox', { name: 'Timeline: events naming' });
  await naming.fill('托里');
  await naming.blur();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const section = page.frameLocator('iframe[title="Report preview"]').locator('section#timeline');
  await expect(section).toContainText('Limited to the events that name “托里”.');
  await expect(section.locator('li.mentioned time').first()).toHaveText('2017');
  await expect(section.locator('li.mentioned time').last()).toHaveText('June 2018');
  await expect(section.locator('blockquote[lang="ug"][dir="rtl"]').first()).toContainText('2017-يىلى تولى ناھىيىسىدە');
  await expect(section).toContainText('2017年在托里县家中被捕');
  await shot('05-report-timeline');
});
