import { writeFile } from 'node:fs/promises'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { BrokerRecordsPage } from '../pages/broker-records-page'

const FIRMS_HEADER = 'ubn,name,representative,address,phone,office_code,box_no'

test.describe('broker records', () => {
  test.beforeEach(async ({ loginPage }) => {
    await loginPage.open()
    await loginPage.signInAs('admin', DEMO_PASSWORD)
  })

  test('an admin imports a CSV of firms and finds the new firm in the list', async ({ page, shell }, testInfo) => {
    const records = new BrokerRecordsPage(page)
    const file = testInfo.outputPath('firms.csv')
    await writeFile(file, `\uFEFF${FIRMS_HEADER}\r\n24680132,"港都物流, 股份有限公司",陳大同,高雄市前鎮區成功二路 1 號,07-3310000,BA,H77\r\n`)

    await shell.menu('broker-records').click()
    await expect(records.title()).toHaveText('業者')
    await expect(records.firmsTable()).toContainText('基隆港通報關股份有限公司')

    await records.openImport()
    await expect(records.title()).toHaveText('匯入業者資料')
    await records.checkFile('firms', file)
    await expect(records.confirmBox()).toContainText('新增 1 筆')
    await records.confirmImport()
    await expect(records.importResult()).toContainText('firms.csv')
    await expect(page.getByTestId('import-inserted')).toHaveText('1')

    await records.openFirms()
    await records.search('2468')
    await expect(records.firmsTable()).toContainText('港都物流, 股份有限公司')
    await expect(records.firmsTable()).not.toContainText('基隆港通報關股份有限公司')
    await page.getByTestId('firm-row-link').first().click()
    await expect(records.firmDetail()).toContainText('H77')
    await expect(records.title()).toHaveText('港都物流, 股份有限公司')
  })

  test('a bad CSV shows the row-level error table and imports nothing', async ({ page }, testInfo) => {
    const records = new BrokerRecordsPage(page)
    const file = testInfo.outputPath('bad-firms.csv')
    await writeFile(file, `${FIRMS_HEADER}\n13579139,好的一列,,,,CA,T88\n12345678,錯的檢查碼,,,,AA,\n31415927,沒有的關別,,,,ZZ,\n`)

    await records.openImport()
    await records.checkFile('firms', file)
    await expect(records.importErrors()).toContainText('匯入檔有 2 處錯誤，未匯入任何資料')
    expect(await records.importErrorCells()).toEqual(['3:ubn', '4:office_code'])
    await expect(records.importErrors()).toContainText('統一編號檢查碼不正確')
    await expect(records.confirmBox()).toHaveCount(0)

    await records.openFirms()
    await records.search('13579139')
    await expect(records.firmsTable()).toContainText(/無資料|No Data/)
  })

  test('a clerk reads a broker with the ID masked in the list and in full on the detail page, with ROC dates', async ({ page, loginPage, shell }) => {
    await shell.signOut()
    await loginPage.signInAs('clerk.taipei', DEMO_PASSWORD)
    const records = new BrokerRecordsPage(page)
    await page.goto('/console/broker-records/brokers')
    await expect(records.title()).toHaveText('專責報關人員')
    await records.search('C00002')
    await expect(records.brokersTable()).toContainText('B14****154')
    await expect(records.brokersTable()).not.toContainText('B145568154')
    await page.getByTestId('broker-row-link').first().click()
    await expect(page.getByTestId('broker-national-id')).toHaveText('B145568154')
    await expect(page.getByTestId('broker-timeline')).toContainText('民國 109/01/02')
    await expect(page.getByTestId('import-kind')).toHaveCount(0)
  })
})
